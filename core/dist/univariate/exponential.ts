import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { log1mexp } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { checkScale } from './check.js';
import { UnivariateDistribution } from './base.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [θ: number];

/** Exponential(θ) with θ the SCALE (mean θ), as in Distributions.jl. */
class ExponentialDist extends ScalarUnivariate<P> {
  readonly family = 'Exponential';
  readonly discrete = false;

  constructor(private readonly scale: Real) {
    super([scale], [checkScale('Exponential', 'θ', scale, 'scale θ')]);
  }

  protected lpdf(x: number, [s]: P): number {
    return x < 0 ? -Infinity : -Math.log(s) - x / s;
  }

  protected lpdfGrad(x: number, [s]: P): ArrayLike<number> {
    return [-1 / s, (x / s - 1) / s];
  }

  protected lcdf(x: number, [s]: P): number {
    return x <= 0 ? -Infinity : log1mexp(-x / s);
  }

  protected lccdf(x: number, [s]: P): number {
    return x <= 0 ? 0 : -x / s;
  }

  protected cdfGrad(x: number, [s]: P): readonly number[] {
    return [-x / s];
  }

  /** The hazard is 1/θ: f/(1 − F) in closed form, where the difference of logs would cancel x/θ. */
  protected override logTailRatio(x: number, θ: P, upper: boolean, logTail: number): number {
    return upper ? -Math.log(θ[0]) : super.logTailRatio(x, θ, upper, logTail);
  }

  protected quantileOf(p: number): number {
    return -this.θ[0] * Math.log1p(-p);
  }

  protected override cquantileOf(q: number): number {
    return -this.θ[0] * Math.log(q);
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  mean(): Real {
    return this.scale;
  }

  var(): Real {
    return ops.abs2(this.scale);
  }

  override mode(): Real {
    return 0;
  }

  override entropy(): Real {
    return ops.add(1, ops.log(this.scale));
  }

  override skewness(): Real {
    return 2;
  }

  override kurtosis(): Real {
    return 6;
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return this.θ[0] * rng.exponential();
  }
}

export function Exponential(θ: Real = 1): UnivariateDistribution {
  return new ExponentialDist(θ);
}
