import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { log1mexp } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkPositive } from './check.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [α: number, θ: number];

/** Pareto(α, θ): shape α, scale (and minimum) θ; 1 − F(x) = (θ/x)^α for x ≥ θ. */
class ParetoDist extends ScalarUnivariate<P> {
  readonly family = 'Pareto';
  readonly discrete = false;

  constructor(
    private readonly shapeα: Real,
    private readonly scale: Real,
  ) {
    super([shapeα, scale], [checkPositive('Pareto', 'α', shapeα, 'shape α'), checkPositive('Pareto', 'θ', scale, 'scale θ')]);
  }

  protected lpdf(x: number, [a, s]: P): number {
    return x >= s ? Math.log(a) + a * Math.log(s) - (a + 1) * Math.log(x) : -Infinity;
  }

  protected lpdfGrad(x: number, [a, s]: P): ArrayLike<number> {
    return [-(a + 1) / x, 1 / a + Math.log(s / x), a / s];
  }

  protected lcdf(x: number, [a, s]: P): number {
    return x <= s ? -Infinity : log1mexp(a * Math.log(s / x));
  }

  protected lccdf(x: number, [a, s]: P): number {
    return x <= s ? 0 : a * Math.log(s / x);
  }

  protected cdfGrad(x: number, [a, s]: P): readonly number[] {
    return [(-x * Math.log(s / x)) / a, -x / s];
  }

  protected quantileOf(p: number): number {
    return this.θ[1] * Math.exp(-Math.log1p(-p) / this.θ[0]);
  }

  protected override cquantileOf(q: number): number {
    return this.θ[1] * Math.pow(q, -1 / this.θ[0]);
  }

  support(): Support {
    return { kind: 'lower', lower: this.scale };
  }

  /** αθ/(α − 1), infinite for α ≤ 1. */
  mean(): Real {
    return this.θ[0] > 1 ? ops.div(ops.mul(this.shapeα, this.scale), ops.sub(this.shapeα, 1)) : Infinity;
  }

  /** αθ² / ((α − 1)² (α − 2)), infinite for α ≤ 2. */
  var(): Real {
    if (this.θ[0] <= 2) return Infinity;
    const a = this.shapeα;
    return ops.div(ops.mul(a, ops.abs2(this.scale)), ops.mul(ops.abs2(ops.sub(a, 1)), ops.sub(a, 2)));
  }

  override mode(): Real {
    return this.scale;
  }

  /** log(θ/α) + 1/α + 1 */
  override entropy(): Real {
    return ops.add(ops.add(ops.log(ops.div(this.scale, this.shapeα)), ops.div(1, this.shapeα)), 1);
  }

  /** 2(1 + α)/(α − 3) √((α − 2)/α) for α > 3, NaN otherwise. */
  override skewness(): Real {
    noteValueDependence(this.shapeα, '`skewness`');
    const a = this.shapeα;
    return this.θ[0] > 3 ? ops.mul(ops.div(ops.mul(2, ops.add(1, a)), ops.sub(a, 3)), ops.sqrt(ops.div(ops.sub(a, 2), a))) : NaN;
  }

  /** 6(α³ + α² − 6α − 2)/(α(α − 3)(α − 4)) for α > 4, NaN otherwise. */
  override kurtosis(): Real {
    noteValueDependence(this.shapeα, '`kurtosis`');
    const a = this.shapeα;
    if (!(this.θ[0] > 4)) return NaN;
    const top = ops.sub(ops.sub(ops.add(ops.pow(a, 3), ops.abs2(a)), ops.mul(6, a)), 2);
    return ops.div(ops.mul(6, top), ops.mul(ops.mul(a, ops.sub(a, 3)), ops.sub(a, 4)));
  }

  minimum(): Real {
    return this.scale;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return this.θ[1] * Math.exp(rng.exponential() / this.θ[0]);
  }
}

export function Pareto(α: Real = 1, θ: Real = 1): UnivariateDistribution {
  return new ParetoDist(α, θ);
}
