import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { logBesselIUpTo } from '../../math/index.js';
import { randPoisson, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkPositive } from './check.js';
import { discreteCdfGrad, discreteTails } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [μ1: number, μ2: number];

/**
 * The log masses of Skellam(μ1, μ2) on lo..hi, log P(X = j) = −(μ1 + μ2) + (j/2) log(μ1/μ2) + log I_|j|(z)
 * with z = 2√(μ1 μ2), and their partials. With n = |j| and r = I_{n+1}(z)/I_n(z), d log I_n/dz = r + n/z
 * and dz/dμ1 = z/(2μ1), so ∂/∂μ1 = −1 + (j + n + r z)/(2μ1) and ∂/∂μ2 = −1 + (n − j + r z)/(2μ2).
 */
class Masses {
  readonly logMass: Float64Array;
  private readonly logI: Float64Array;
  private readonly z: number;

  constructor(
    readonly lo: number,
    hi: number,
    private readonly θ: P,
  ) {
    const [m1, m2] = θ;
    this.z = 2 * Math.sqrt(m1 * m2);
    this.logI = logBesselIUpTo(Math.max(Math.abs(lo), Math.abs(hi)) + 1, this.z);
    const half = 0.5 * Math.log(m1 / m2);
    this.logMass = new Float64Array(hi - lo + 1);
    for (let j = lo; j <= hi; j++) this.logMass[j - lo] = -(m1 + m2) + j * half + this.logI[Math.abs(j)]!;
  }

  /** In `lpdfGrad`'s layout: [0, ∂/∂μ1, ∂/∂μ2]. */
  partials(j: number): [number, number, number] {
    const [m1, m2] = this.θ;
    const n = Math.abs(j);
    const rz = Math.exp(this.logI[n + 1]! - this.logI[n]!) * this.z;
    return [0, -1 + (j + n + rz) / (2 * m1), -1 + (n - j + rz) / (2 * m2)];
  }
}

/**
 * Skellam(μ1, μ2): the difference of independent Poisson(μ1) and Poisson(μ2) counts, on all integers.
 * The cdf sums the masses of the side of smaller mass (within 40 standard deviations and 40 more of the
 * mean and of x, beyond which they are far below double precision), with exact partials.
 */
class SkellamDist extends ScalarUnivariate<P> {
  readonly family = 'Skellam';
  readonly discrete = true;

  constructor(
    private readonly μ1: Real,
    private readonly μ2: Real,
  ) {
    super([μ1, μ2], [checkPositive('Skellam', 'μ1', μ1), checkPositive('Skellam', 'μ2', μ2)]);
  }

  protected lpdf(k: number, θ: P): number {
    return Number.isInteger(k) ? new Masses(k, k, θ).logMass[0]! : -Infinity;
  }

  protected lpdfGrad(k: number, θ: P): ArrayLike<number> {
    return new Masses(k, k, θ).partials(k);
  }

  /** The masses from far below min(k, mean) to far above max(k, mean). */
  private around(k: number, [m1, m2]: P): Masses {
    const mean = m1 - m2;
    const reach = 40 * Math.sqrt(m1 + m2) + 40;
    return new Masses(Math.floor(Math.min(k, mean) - reach), Math.ceil(Math.max(k, mean) + reach), [m1, m2]);
  }

  protected lcdf(k: number, θ: P): number {
    const m = this.around(k, θ);
    return discreteTails(m.logMass, m.lo, k).lower;
  }

  protected lccdf(k: number, θ: P): number {
    const m = this.around(k, θ);
    return discreteTails(m.logMass, m.lo, k).upper;
  }

  protected cdfGrad(k: number, θ: P): readonly number[] {
    const m = this.around(k, θ);
    return discreteCdfGrad(m.logMass, m.lo, k, discreteTails(m.logMass, m.lo, k).lowerSummed, (j) => m.partials(j), 2);
  }

  protected quantileOf(q: number): number {
    return this.searchQuantile(q, -Infinity, Infinity, this.θ[0] - this.θ[1]);
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return ops.sub(this.μ1, this.μ2);
  }

  var(): Real {
    return ops.add(this.μ1, this.μ2);
  }

  minimum(): Real {
    return -Infinity;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return randPoisson(rng, this.θ[0]) - randPoisson(rng, this.θ[1]);
  }
}

/** Skellam(μ) is Skellam(μ, μ), as in Distributions.jl. */
export function Skellam(μ1: Real = 1, μ2: Real = μ1): UnivariateDistribution {
  return new SkellamDist(μ1, μ2);
}
