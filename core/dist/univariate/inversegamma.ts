import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { digamma, gammaPInv, lgamma } from '../../math/index.js';
import { randGamma, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkPositive } from './check.js';
import { logGammaP, logGammaQ } from './incomplete.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [α: number, θ: number];

/** InverseGamma(α, θ): 1/X for X ~ Gamma(α, 1/θ); θ is a scale, so F(x) = Q(α, θ/x). */
class InverseGammaDist extends ScalarUnivariate<P> {
  readonly family = 'InverseGamma';
  readonly discrete = false;

  constructor(
    private readonly shapeα: Real,
    private readonly scale: Real,
  ) {
    super([shapeα, scale], [checkPositive('InverseGamma', 'α', shapeα, 'shape α'), checkPositive('InverseGamma', 'θ', scale, 'scale θ')]);
  }

  protected lpdf(x: number, [a, s]: P): number {
    if (x <= 0) return -Infinity;
    return a * Math.log(s) - lgamma(a) - (a + 1) * Math.log(x) - s / x;
  }

  protected lpdfGrad(x: number, [a, s]: P): ArrayLike<number> {
    return [(s / x - (a + 1)) / x, Math.log(s / x) - digamma(a), a / s - 1 / x];
  }

  protected lcdf(x: number, [a, s]: P): number {
    return x <= 0 ? -Infinity : logGammaQ(a, s / x);
  }

  protected lccdf(x: number, [a, s]: P): number {
    return x <= 0 ? 0 : logGammaP(a, s / x);
  }

  protected cdfGrad(x: number, [, s]: P): readonly (number | null)[] {
    return [null, -x / s];
  }

  protected quantileOf(p: number): number {
    return this.polishQuantile(this.θ[1] / gammaPInv(this.θ[0], 1 - p), p);
  }

  protected override cquantileOf(q: number): number {
    return this.θ[1] / gammaPInv(this.θ[0], q);
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  /** θ/(α − 1), infinite for α ≤ 1 (Distributions.jl). */
  mean(): Real {
    return this.θ[0] > 1 ? ops.div(this.scale, ops.sub(this.shapeα, 1)) : Infinity;
  }

  /** θ² / ((α − 1)² (α − 2)), infinite for α ≤ 2. */
  var(): Real {
    if (this.θ[0] <= 2) return Infinity;
    const am1 = ops.sub(this.shapeα, 1);
    return ops.div(ops.abs2(this.scale), ops.mul(ops.abs2(am1), ops.sub(this.shapeα, 2)));
  }

  override mode(): Real {
    return ops.div(this.scale, ops.add(this.shapeα, 1));
  }

  /** α + log Γ(α) − (1 + α) ψ(α) + log θ */
  override entropy(): Real {
    const a = this.shapeα;
    return ops.add(ops.add(ops.add(a, ops.lgammaOp(a)), ops.neg(ops.mul(ops.add(1, a), ops.digammaOp(a)))), ops.log(this.scale));
  }

  /** 4√(α − 2)/(α − 3) for α > 3, NaN otherwise. */
  override skewness(): Real {
    noteValueDependence(this.shapeα, '`skewness`');
    const a = this.shapeα;
    return this.θ[0] > 3 ? ops.div(ops.mul(4, ops.sqrt(ops.sub(a, 2))), ops.sub(a, 3)) : NaN;
  }

  /** (30α − 66)/((α − 3)(α − 4)) for α > 4, NaN otherwise. */
  override kurtosis(): Real {
    noteValueDependence(this.shapeα, '`kurtosis`');
    const a = this.shapeα;
    return this.θ[0] > 4 ? ops.div(ops.sub(ops.mul(30, a), 66), ops.mul(ops.sub(a, 3), ops.sub(a, 4))) : NaN;
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return this.θ[1] / randGamma(rng, this.θ[0], 1);
  }
}

export function InverseGamma(α: Real = 1, θ: Real = 1): UnivariateDistribution {
  return new InverseGammaDist(α, θ);
}
