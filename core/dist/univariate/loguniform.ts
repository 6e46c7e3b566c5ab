import { ops, type Real } from '../../ad/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite, checkJointly } from './check.js';
import { IntervalUnivariate } from './interval.js';

type P = readonly [a: number, b: number];

const positiveAscending = (v: ArrayLike<number>): boolean => 0 < v[0]! && v[0]! < v[1]!;
const notPositiveAscending = (v: ArrayLike<number>): string => `0 < a < b is required, got a = ${v[0]}, b = ${v[1]}`;

/** log(y/x) for y ≥ x > 0 as log1p((y − x)/x): exact differences keep the digits that the ratio near 1 loses. */
function logAbove(y: number, x: number): number {
  return Math.log1p((y - x) / x);
}

/**
 * LogUniform(a, b): log X ~ Uniform(log a, log b), density 1/(x D) on [a, b] with D = log(b/a). The cdf
 * (log x − log a)/D gives g_a = x log(x/b)/(a D) and g_b = −x log(x/a)/(b D).
 */
class LogUniformDist extends IntervalUnivariate<P> {
  readonly family = 'LogUniform';

  constructor(a: Real, b: Real) {
    const av = checkFinite('LogUniform', 'a', a);
    const bv = checkFinite('LogUniform', 'b', b);
    checkJointly('LogUniform', 'b', [a, b], positiveAscending, notPositiveAscending);
    super([a, b], [av, bv]);
  }

  protected lpdf(x: number, [a, b]: P): number {
    return x >= a && x <= b ? -Math.log(x) - Math.log(Math.log(b / a)) : -Infinity;
  }

  protected lpdfGrad(x: number, [a, b]: P): ArrayLike<number> {
    const d = Math.log(b / a);
    return [-1 / x, 1 / (a * d), -1 / (b * d)];
  }

  protected lcdf(x: number, [a, b]: P): number {
    if (x <= a) return -Infinity;
    return x >= b ? 0 : Math.log(logAbove(x, a) / Math.log(b / a));
  }

  protected lccdf(x: number, [a, b]: P): number {
    if (x >= b) return -Infinity;
    return x <= a ? 0 : Math.log(logAbove(b, x) / Math.log(b / a));
  }

  protected cdfGrad(x: number, [a, b]: P): readonly number[] {
    const d = Math.log(b / a);
    return [(-x * logAbove(b, x)) / (a * d), (-x * logAbove(x, a)) / (b * d)];
  }

  protected quantileOf(p: number): number {
    const [a, b] = this.θ;
    return Math.min(b, a * Math.exp(p * Math.log(b / a)));
  }

  protected override cquantileOf(q: number): number {
    const [a, b] = this.θ;
    return Math.max(a, b * Math.exp(-q * Math.log(b / a)));
  }

  /** (b − a)/log(b/a) */
  mean(): Real {
    return ops.div(ops.sub(this.b, this.a), this.logRatio());
  }

  /** (b² − a²)/(2 log(b/a)) − mean² */
  var(): Real {
    const d = this.logRatio();
    const second = ops.div(ops.sub(ops.abs2(this.b), ops.abs2(this.a)), ops.mul(2, d));
    return ops.sub(second, ops.abs2(this.mean()));
  }

  private logRatio(): Real {
    return ops.log(ops.div(this.b, this.a));
  }
}

export function LogUniform(a: Real, b: Real): UnivariateDistribution {
  return new LogUniformDist(a, b);
}
