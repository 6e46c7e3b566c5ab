import { ops, type Real } from '../../ad/index.js';
import { UnivariateDistribution } from './base.js';
import { checkInterval, IntervalUnivariate, stretchedCdfGrad } from './interval.js';

type P = readonly [a: number, b: number];

class UniformDist extends IntervalUnivariate<P> {
  readonly family = 'Uniform';

  constructor(a: Real, b: Real) {
    super([a, b], checkInterval('Uniform', a, b));
  }

  protected lpdf(x: number, [a, b]: P): number {
    return x >= a && x <= b ? -Math.log(b - a) : -Infinity;
  }

  protected lpdfGrad(_x: number, [a, b]: P): ArrayLike<number> {
    return [0, 1 / (b - a), -1 / (b - a)];
  }

  protected lcdf(x: number, [a, b]: P): number {
    if (x <= a) return -Infinity;
    return x >= b ? 0 : Math.log((x - a) / (b - a));
  }

  protected lccdf(x: number, [a, b]: P): number {
    if (x >= b) return -Infinity;
    return x <= a ? 0 : Math.log((b - x) / (b - a));
  }

  protected cdfGrad(x: number, [a, b]: P): readonly number[] {
    return stretchedCdfGrad(x, a, b);
  }

  protected quantileOf(p: number): number {
    const [a, b] = this.θ;
    return a + p * (b - a);
  }

  protected override cquantileOf(q: number): number {
    const [a, b] = this.θ;
    return b - q * (b - a);
  }

  mean(): Real {
    return ops.mul(ops.add(this.a, this.b), 0.5);
  }

  var(): Real {
    return ops.div(ops.abs2(ops.sub(this.b, this.a)), 12);
  }

  /** a, as Distributions.jl gives (every point is a mode). */
  override mode(): Real {
    return this.a;
  }

  override entropy(): Real {
    return ops.log(ops.sub(this.b, this.a));
  }

  override skewness(): Real {
    return 0;
  }

  override kurtosis(): Real {
    return -1.2;
  }
}

export function Uniform(a: Real = 0, b: Real = 1): UnivariateDistribution {
  return new UniformDist(a, b);
}
