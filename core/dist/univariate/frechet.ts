import { ops, type Real } from '../../ad/index.js';
import { log1mexp } from '../../math/index.js';
import { UnivariateDistribution } from './base.js';
import { PowerScaleUnivariate } from './powerscale.js';

type P = readonly [α: number, θ: number];

/** Frechet(α, θ): shape α, scale θ; with t = (x/θ)^(−α), F(x) = exp(−t) on x > 0. */
class FrechetDist extends PowerScaleUnivariate {
  readonly family = 'Frechet';

  constructor(α: Real, θ: Real) {
    super('Frechet', α, θ, -1);
  }

  protected lpdf(x: number, [a, s]: P): number {
    if (!(x > 0)) return -Infinity;
    const z = s / x;
    return Math.log(a / s) + (1 + a) * Math.log(z) - Math.pow(z, a);
  }

  protected lpdfGrad(x: number, [a, s]: P): ArrayLike<number> {
    const lz = Math.log(x / s);
    const t = Math.exp(-a * lz);
    return [(a * t - 1 - a) / x, 1 / a - lz + t * lz, (a * (1 - t)) / s];
  }

  protected lcdf(x: number, [a, s]: P): number {
    return x <= 0 ? -Infinity : -Math.pow(s / x, a);
  }

  protected lccdf(x: number, [a, s]: P): number {
    return x <= 0 ? 0 : log1mexp(-Math.pow(s / x, a));
  }

  protected quantileOf(p: number): number {
    return this.fromPower(-Math.log(p));
  }

  protected override cquantileOf(q: number): number {
    return this.fromPower(-Math.log1p(-q));
  }

  /** θ Γ(1 − 1/α) for α > 1, else ∞ (Distributions.jl). */
  mean(): Real {
    if (!(this.θ[0] > 1)) return Infinity;
    return ops.mul(this.scale, ops.gammaOp(ops.sub(1, ops.div(1, this.shapeα))));
  }

  /** θ² (Γ(1 − 2/α) − Γ(1 − 1/α)²) for α > 2, else ∞. */
  var(): Real {
    if (!(this.θ[0] > 2)) return Infinity;
    const g1 = ops.gammaOp(ops.sub(1, ops.div(1, this.shapeα)));
    const g2 = ops.gammaOp(ops.sub(1, ops.div(2, this.shapeα)));
    return ops.mul(ops.abs2(this.scale), ops.sub(g2, ops.abs2(g1)));
  }
}

export function Frechet(α: Real = 1, θ: Real = 1): UnivariateDistribution {
  return new FrechetDist(α, θ);
}
