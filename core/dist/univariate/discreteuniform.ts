import type { Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { DistributionArgumentError } from '../types.js';
import { UnivariateDistribution } from './base.js';
import { checkInteger } from './check.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [];

/** Uniform on the integers a..b; its bounds are integers, so nothing here carries a derivative. */
class DiscreteUniformDist extends ScalarUnivariate<P> {
  readonly family = 'DiscreteUniform';
  readonly discrete = true;
  private readonly span: number;

  constructor(
    private readonly a: number,
    private readonly b: number,
  ) {
    super([], []);
    this.span = b - a + 1;
  }

  protected lpdf(k: number): number {
    return Number.isInteger(k) && k >= this.a && k <= this.b ? -Math.log(this.span) : -Infinity;
  }

  protected lpdfGrad(): ArrayLike<number> {
    return [0];
  }

  protected lcdf(k: number): number {
    return k < this.a ? -Infinity : k >= this.b ? 0 : Math.log((k - this.a + 1) / this.span);
  }

  protected lccdf(k: number): number {
    return k < this.a ? 0 : k >= this.b ? -Infinity : Math.log((this.b - k) / this.span);
  }

  protected cdfGrad(): readonly number[] {
    return [];
  }

  /** Distributions.jl: a − 1 + ⌈p (b − a + 1)⌉. */
  protected quantileOf(p: number): number {
    return this.a - 1 + Math.ceil(p * this.span);
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return (this.a + this.b) / 2;
  }

  var(): Real {
    return (this.span * this.span - 1) / 12;
  }

  override mode(): Real {
    return this.a;
  }

  override entropy(): Real {
    return Math.log(this.span);
  }

  override skewness(): Real {
    return 0;
  }

  /** −1.2(n² + 1)/(n² − 1), n the number of values */
  override kurtosis(): Real {
    const n2 = this.span * this.span;
    return (-1.2 * (n2 + 1)) / (n2 - 1);
  }

  minimum(): Real {
    return this.a;
  }

  maximum(): Real {
    return this.b;
  }

  rand(rng: Rng): number {
    return rng.integer(this.a, this.b);
  }
}

export function DiscreteUniform(a: Real = 0, b: Real = 1): UnivariateDistribution {
  const av = checkInteger('DiscreteUniform', 'a', a);
  const bv = checkInteger('DiscreteUniform', 'b', b);
  if (av > bv) throw new DistributionArgumentError('DiscreteUniform', 'b', `a must be at most b, got a = ${av}, b = ${bv}`);
  return new DiscreteUniformDist(av, bv);
}
