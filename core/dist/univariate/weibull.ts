import { ops, type Real } from '../../ad/index.js';
import { log1mexp } from '../../math/index.js';
import { UnivariateDistribution } from './base.js';
import { xlogy } from './numeric.js';
import { PowerScaleUnivariate } from './powerscale.js';

type P = readonly [α: number, θ: number];

/** Weibull(α, θ): shape α, scale θ; F(x) = 1 − exp(−(x/θ)^α). */
class WeibullDist extends PowerScaleUnivariate {
  readonly family = 'Weibull';

  constructor(α: Real, θ: Real) {
    super('Weibull', α, θ, 1);
  }

  protected lpdf(x: number, [a, s]: P): number {
    if (x < 0 || x === Infinity) return -Infinity;
    const z = x / s;
    return Math.log(a / s) + xlogy(a - 1, z) - Math.pow(z, a);
  }

  protected lpdfGrad(x: number, [a, s]: P): ArrayLike<number> {
    const z = x / s;
    const za = Math.pow(z, a);
    const lz = Math.log(z);
    return [(a - 1 - a * za) / x, 1 / a + lz * (1 - za), (a * za - a) / s];
  }

  protected lcdf(x: number, [a, s]: P): number {
    return x <= 0 ? -Infinity : log1mexp(-Math.pow(x / s, a));
  }

  protected lccdf(x: number, [a, s]: P): number {
    return x <= 0 ? 0 : -Math.pow(x / s, a);
  }

  protected quantileOf(p: number): number {
    return this.fromPower(-Math.log1p(-p));
  }

  protected override cquantileOf(q: number): number {
    return this.fromPower(-Math.log(q));
  }

  /** θ Γ(1 + 1/α) */
  mean(): Real {
    return ops.mul(this.scale, ops.gammaOp(ops.add(1, ops.div(1, this.shapeα))));
  }

  /** θ² (Γ(1 + 2/α) − Γ(1 + 1/α)²) */
  var(): Real {
    const g1 = ops.gammaOp(ops.add(1, ops.div(1, this.shapeα)));
    const g2 = ops.gammaOp(ops.add(1, ops.div(2, this.shapeα)));
    return ops.mul(ops.abs2(this.scale), ops.sub(g2, ops.abs2(g1)));
  }
}

export function Weibull(α: Real = 1, θ: Real = 1): UnivariateDistribution {
  return new WeibullDist(α, θ);
}
