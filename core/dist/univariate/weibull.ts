import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import { log1mexp } from '../../math/index.js';
import { UnivariateDistribution } from './base.js';
import { EULER_GAMMA, xlogy } from './numeric.js';
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

  /** θ(1 − 1/α)^(1/α) for α > 1, else 0. */
  override mode(): Real {
    noteValueDependence(this.shapeα, '`mode`');
    if (!(this.θ[0] > 1)) return 0;
    const inv = ops.div(1, this.shapeα);
    return ops.mul(this.scale, ops.pow(ops.sub(1, inv), inv));
  }

  /** γ(1 − 1/α) + log(θ/α) + 1 */
  override entropy(): Real {
    return ops.add(ops.add(ops.mul(EULER_GAMMA, ops.sub(1, ops.div(1, this.shapeα))), ops.log(ops.div(this.scale, this.shapeα))), 1);
  }

  /** Γ(1 + 3/α)(θ/σ)³ − 3r − r³, r = μ/σ, in Distributions.jl's terms. */
  override skewness(): Real {
    const σ = ops.sqrt(this.var());
    const r = ops.div(this.mean(), σ);
    const g3 = ops.gammaOp(ops.add(1, ops.div(3, this.shapeα)));
    return ops.sub(ops.sub(ops.mul(g3, ops.pow(ops.div(this.scale, σ), 3)), ops.mul(3, r)), ops.pow(r, 3));
  }

  /** (θ/σ)⁴ Γ(1 + 4/α) − 4γ₁r − 6r² − r⁴ − 3, γ₁ the skewness. */
  override kurtosis(): Real {
    const σ = ops.sqrt(this.var());
    const r = ops.div(this.mean(), σ);
    const g4 = ops.gammaOp(ops.add(1, ops.div(4, this.shapeα)));
    const terms = [ops.mul(ops.pow(ops.div(this.scale, σ), 4), g4), ops.mul(-4, ops.mul(this.skewness(), r)), ops.mul(-6, ops.abs2(r)), ops.neg(ops.pow(r, 4)), -3];
    return ops.sumOf(terms);
  }
}

export function Weibull(α: Real = 1, θ: Real = 1): UnivariateDistribution {
  return new WeibullDist(α, θ);
}
