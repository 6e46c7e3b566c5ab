import { noteValueDependence, ops, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { logFactorial } from '../../math/index.js';
import { randPoisson, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkNonNegative } from './check.js';
import { logGammaP, logGammaQ } from './incomplete.js';
import { xlogy } from './numeric.js';
import { columnStarts, ScalarUnivariate } from './scalar.js';

type P = readonly [λ: number];

export function isNaturalNumber(k: number): boolean {
  return Number.isInteger(k) && k >= 0;
}

/** log P(X ≤ k) = log Q(k + 1, λ), shared with LogPoisson. */
export function poissonLogcdf(λ: number, k: number): number {
  return k < 0 ? -Infinity : logGammaQ(k + 1, λ);
}

export function poissonLogccdf(λ: number, k: number): number {
  return k < 0 ? 0 : logGammaP(k + 1, λ);
}

/** The normal approximation's median: a starting point for the quantile search. */
export function poissonGuess(λ: number, p: number): number {
  return Math.max(0, λ + Math.sqrt(λ) * (p - 0.5) * 2.5);
}

class PoissonDist extends ScalarUnivariate<P> {
  readonly family = 'Poisson';
  readonly discrete = true;

  constructor(private readonly λ: Real) {
    super([λ], [checkNonNegative('Poisson', 'λ', λ, 'rate λ')]);
  }

  protected lpdf(k: number, [λ]: P): number {
    return isNaturalNumber(k) ? xlogy(k, λ) - λ - logFactorial(k) : -Infinity;
  }

  protected lpdfGrad(k: number, [λ]: P): ArrayLike<number> {
    return [0, k / λ - 1];
  }

  /** Written in place: the partials' array per observation was a Poisson regression's main garbage. */
  protected override lpdfWithGrad(k: number, [λ]: P, p: Float64Array, at: number): number {
    if (!isNaturalNumber(k)) return -Infinity;
    p[at] = 0;
    p[at + 1] = k / λ - 1;
    return xlogy(k, λ) - λ - logFactorial(k);
  }

  /** `lpdfWithGrad` over a vector of observations (`arraydist(Poisson.(exp.(η)))`) in one loop. */
  protected override columnRule(parts: readonly this[], [s]: readonly number[]): Recompute {
    const n = parts.length;
    const [at, width] = columnStarts(n, [s!]) as [number, number];
    return (vals, p) => {
      p.fill(0, 0, width);
      let total = 0;
      for (let i = 0; i < n; i++) {
        const k = vals[i]!;
        const λ = vals[at + i * s!]!;
        const v = isNaturalNumber(k) ? xlogy(k, λ) - λ - logFactorial(k) : -Infinity;
        if (v === -Infinity) {
          p.fill(0, 0, width);
          return -Infinity;
        }
        p[at + i * s!]! += k / λ - 1;
        total += v;
      }
      return total;
    };
  }

  protected lcdf(k: number, [λ]: P): number {
    return poissonLogcdf(λ, k);
  }

  protected lccdf(k: number, [λ]: P): number {
    return poissonLogccdf(λ, k);
  }

  /** ∂F(k)/∂λ = −(mass at k). */
  protected cdfGrad(): readonly number[] {
    return [-1];
  }

  protected quantileOf(q: number): number {
    return this.searchQuantile(q, 0, Infinity, poissonGuess(this.θ[0], q));
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return this.λ;
  }

  var(): Real {
    return this.λ;
  }

  /** ⌊λ⌋ */
  override mode(): Real {
    noteValueDependence(this.λ, '`mode`');
    return Math.floor(this.θ[0]);
  }

  override skewness(): Real {
    return ops.div(1, ops.sqrt(this.λ));
  }

  override kurtosis(): Real {
    return ops.div(1, this.λ);
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return randPoisson(rng, this.θ[0]);
  }
}

export function Poisson(λ: Real = 1): UnivariateDistribution {
  return new PoissonDist(λ);
}
