import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { log1mexp } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite, checkPositive } from './check.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [μ: number, σ: number, ξ: number];

const EULER_GAMMA = 0.5772156649015329;

/** Distributions.jl's test for the Gumbel case ξ = 0. */
function isGumbel(ξ: number): boolean {
  return Math.abs(ξ) < Number.EPSILON;
}

/** t(z) = (1 + ξz)^(−1/ξ) (e^(−z) at ξ = 0), so that F = exp(−t); NaN-free 0 where 1 + ξz ≤ 0. */
function logT(z: number, ξ: number): number {
  if (isGumbel(ξ)) return -z;
  const w = 1 + ξ * z;
  return w <= 0 ? (ξ > 0 ? Infinity : -Infinity) : -Math.log1p(ξ * z) / ξ;
}

/**
 * A = (log(1 + u) − u/(1 + u))/ξ² with u = ξz, which both the ξ-partial of the density and of the cdf
 * need: (d/dξ) log t = −A. Its two terms cancel as ξ → 0, where the series z² Σ (−1)ⁿ (n−1)/n u^(n−2)
 * (n ≥ 2) takes over; A(ξ = 0) = z²/2.
 */
function shapeTerm(z: number, ξ: number): number {
  const u = ξ * z;
  if (Math.abs(u) > 1e-3) return (Math.log1p(u) - u / (1 + u)) / (ξ * ξ);
  let sum = 0;
  let power = 1;
  for (let n = 2; n <= 8; n++) {
    sum += ((n % 2 === 0 ? 1 : -1) * (n - 1) * power) / n;
    power *= u;
  }
  return z * z * sum;
}

/**
 * GeneralizedExtremeValue(μ, σ, ξ): location, scale, shape. With z = (x − μ)/σ, w = 1 + ξz and
 * t = w^(−1/ξ): log f = −log σ − (1 + 1/ξ) log w − t and F = e^(−t), so ∂ log f/∂z = (t − 1 − ξ)/w,
 * ∂ log f/∂ξ = A(1 − t) − z/w and g_ξ = −σ A w. The support is [μ − σ/ξ, ∞) for ξ > 0, (−∞, μ − σ/ξ] for
 * ξ < 0 and the real line at ξ = 0.
 */
class GeneralizedExtremeValueDist extends ScalarUnivariate<P> {
  readonly family = 'GeneralizedExtremeValue';
  readonly discrete = false;

  constructor(
    private readonly μ: Real,
    private readonly σ: Real,
    private readonly ξ: Real,
  ) {
    const f = 'GeneralizedExtremeValue';
    super([μ, σ, ξ], [checkFinite(f, 'μ', μ, 'location μ'), checkPositive(f, 'σ', σ, 'scale σ'), checkFinite(f, 'ξ', ξ, 'shape ξ')]);
  }

  protected lpdf(x: number, [m, s, ξ]: P): number {
    if (!Number.isFinite(x)) return -Infinity;
    const z = (x - m) / s;
    const lt = logT(z, ξ);
    if (!Number.isFinite(lt)) return -Infinity;
    return -Math.log(s) + (ξ + 1) * lt - Math.exp(lt);
  }

  protected lpdfGrad(x: number, [m, s, ξ]: P): ArrayLike<number> {
    const z = (x - m) / s;
    const gumbel = isGumbel(ξ);
    const w = gumbel ? 1 : 1 + ξ * z;
    const t = Math.exp(logT(z, ξ));
    const dz = (t - 1 - (gumbel ? 0 : ξ)) / w;
    return [dz / s, -dz / s, -(1 + dz * z) / s, shapeTerm(z, gumbel ? 0 : ξ) * (1 - t) - z / w];
  }

  protected lcdf(x: number, [m, s, ξ]: P): number {
    return -Math.exp(logT((x - m) / s, ξ));
  }

  protected lccdf(x: number, θ: P): number {
    return log1mexp(this.lcdf(x, θ));
  }

  protected cdfGrad(x: number, [m, s, ξ]: P): readonly number[] {
    const z = (x - m) / s;
    if (isGumbel(ξ)) return [-1, -z, (-s * z * z) / 2];
    return [-1, -z, -s * shapeTerm(z, ξ) * (1 + ξ * z)];
  }

  /** μ + σ((−log p)^(−ξ) − 1)/ξ, through expm1 so that small ξ keeps its digits. */
  private fromLogTail(minusLogP: number): number {
    const [m, s, ξ] = this.θ;
    const l = Math.log(minusLogP);
    return m + s * (isGumbel(ξ) ? -l : Math.expm1(-ξ * l) / ξ);
  }

  protected quantileOf(p: number): number {
    return this.fromLogTail(-Math.log(p));
  }

  protected override cquantileOf(q: number): number {
    return this.fromLogTail(-Math.log1p(-q));
  }

  support(): Support {
    const ξ = this.θ[2];
    if (ξ > 0) return { kind: 'lower', lower: this.endpoint() };
    if (ξ < 0) return { kind: 'upper', upper: this.endpoint() };
    return { kind: 'real' };
  }

  /** μ − σ/ξ */
  private endpoint(): Real {
    return ops.sub(this.μ, ops.div(this.σ, this.ξ));
  }

  /** μ + σ(Γ(1 − ξ) − 1)/ξ for ξ < 1 (μ + σγ at ξ = 0), ∞ otherwise. */
  mean(): Real {
    const ξ = this.θ[2];
    if (isGumbel(ξ)) return ops.add(this.μ, ops.mul(this.σ, EULER_GAMMA));
    if (!(ξ < 1)) return Infinity;
    const g1 = ops.gammaOp(ops.sub(1, this.ξ));
    return ops.add(this.μ, ops.div(ops.mul(this.σ, ops.sub(g1, 1)), this.ξ));
  }

  /** σ²(Γ(1 − 2ξ) − Γ(1 − ξ)²)/ξ² for ξ < 1/2 (σ²π²/6 at ξ = 0), ∞ otherwise. */
  var(): Real {
    const ξ = this.θ[2];
    const s2 = ops.abs2(this.σ);
    if (isGumbel(ξ)) return ops.mul(s2, (Math.PI * Math.PI) / 6);
    if (!(ξ < 0.5)) return Infinity;
    const g1 = ops.gammaOp(ops.sub(1, this.ξ));
    const g2 = ops.gammaOp(ops.sub(1, ops.mul(2, this.ξ)));
    return ops.div(ops.mul(s2, ops.sub(g2, ops.abs2(g1))), ops.abs2(this.ξ));
  }

  minimum(): Real {
    return this.θ[2] > 0 ? this.endpoint() : -Infinity;
  }

  maximum(): Real {
    return this.θ[2] < 0 ? this.endpoint() : Infinity;
  }

  rand(rng: Rng): number {
    return this.fromLogTail(-Math.log(1 - rng.uniform()));
  }
}

export function GeneralizedExtremeValue(μ: Real, σ: Real, ξ: Real): UnivariateDistribution {
  return new GeneralizedExtremeValueDist(μ, σ, ξ);
}
