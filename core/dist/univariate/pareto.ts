import { ops, type Real } from '../../ad/index.js';
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
