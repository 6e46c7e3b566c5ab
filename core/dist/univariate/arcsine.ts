import { ops, type Real } from '../../ad/index.js';
import { UnivariateDistribution } from './base.js';
import { checkInterval, IntervalUnivariate, stretchedCdfGrad } from './interval.js';

type P = readonly [a: number, b: number];

const LOG_2_OVER_PI = Math.log(2 / Math.PI);

/**
 * Arcsine(a, b) on [a, b]: F(x) = (2/π) asin(√((x − a)/(b − a))), 1 − F(x) = (2/π) asin(√((b − x)/(b − a))),
 * each accurate in its own tail. Like Uniform(a, b) it is a fixed shape stretched over [a, b].
 */
class ArcsineDist extends IntervalUnivariate<P> {
  readonly family = 'Arcsine';

  constructor(a: Real, b: Real) {
    super([a, b], checkInterval('Arcsine', a, b));
  }

  /** +∞ at the endpoints, where the density is unbounded, as in Distributions.jl. */
  protected lpdf(x: number, [a, b]: P): number {
    if (x < a || x > b) return -Infinity;
    return -Math.log(Math.PI) - 0.5 * Math.log((x - a) * (b - x));
  }

  protected lpdfGrad(x: number, [a, b]: P): ArrayLike<number> {
    return [0.5 / (b - x) - 0.5 / (x - a), 0.5 / (x - a), -0.5 / (b - x)];
  }

  protected lcdf(x: number, [a, b]: P): number {
    if (x <= a) return -Infinity;
    return x >= b ? 0 : LOG_2_OVER_PI + Math.log(Math.asin(Math.sqrt((x - a) / (b - a))));
  }

  protected lccdf(x: number, [a, b]: P): number {
    if (x >= b) return -Infinity;
    return x <= a ? 0 : LOG_2_OVER_PI + Math.log(Math.asin(Math.sqrt((b - x) / (b - a))));
  }

  protected cdfGrad(x: number, [a, b]: P): readonly number[] {
    return stretchedCdfGrad(x, a, b);
  }

  protected quantileOf(p: number): number {
    const [a, b] = this.θ;
    const s = Math.sin((Math.PI / 2) * p);
    return a + s * s * (b - a);
  }

  protected override cquantileOf(q: number): number {
    const [a, b] = this.θ;
    const s = Math.sin((Math.PI / 2) * q);
    return b - s * s * (b - a);
  }

  mean(): Real {
    return ops.mul(ops.add(this.a, this.b), 0.5);
  }

  /** (b − a)²/8 */
  var(): Real {
    return ops.div(ops.abs2(ops.sub(this.b, this.a)), 8);
  }
}

/** Arcsine() is Arcsine(0, 1) and Arcsine(b) is Arcsine(0, b), as in Distributions.jl. */
export function Arcsine(...args: Real[]): UnivariateDistribution {
  const [a, b] = args.length === 0 ? [0, 1] : args.length === 1 ? [0, args[0]!] : [args[0]!, args[1]!];
  return new ArcsineDist(a, b);
}
