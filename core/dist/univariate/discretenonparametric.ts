import { ops, value, valuesOf, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { randCategorical, type Rng } from '../../rng/index.js';
import { DistributionArgumentError } from '../types.js';
import { UnivariateDistribution } from './base.js';
import { logSum } from './categorical.js';
import { checkProbVector } from './check.js';

/**
 * DiscreteNonParametric(xs, ps): P(X = xs[i]) = ps[i], the support sorted as Distributions.jl sorts it.
 * The probabilities may be AD values (a Dirichlet's draw, say); the support points are plain numbers.
 */
class DiscreteNonParametricDist extends UnivariateDistribution {
  readonly family = 'DiscreteNonParametric';
  readonly discrete = true;
  private readonly pv: Float64Array;

  /** `xs` sorted and `ps` in the same order. */
  constructor(
    private readonly xs: readonly number[],
    private readonly ps: readonly Real[],
  ) {
    super();
    this.pv = valuesOf(ps);
  }

  /** The number of support points ≤ x. */
  private countUpTo(x: number): number {
    let n = 0;
    while (n < this.xs.length && this.xs[n]! <= x) n++;
    return n;
  }

  logpdf(x: Real): Real {
    const i = this.xs.indexOf(value(x));
    return i < 0 ? -Infinity : ops.log(this.ps[i]!);
  }

  /** Each side summed by itself: the probabilities sum to 1, so neither is a complement that loses digits. */
  logcdf(x: Real): Real {
    const n = this.countUpTo(value(x));
    return n === 0 ? -Infinity : n === this.xs.length ? 0 : logSum(this.ps.slice(0, n));
  }

  logccdf(x: Real): Real {
    const n = this.countUpTo(value(x));
    return n === 0 ? 0 : n === this.xs.length ? -Infinity : logSum(this.ps.slice(n));
  }

  protected quantileOf(q: number): number {
    let cum = 0;
    for (let i = 0; i < this.xs.length; i++) {
      cum += this.pv[i]!;
      if (cum >= q) return this.xs[i]!;
    }
    return this.xs[this.xs.length - 1]!;
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return ops.dotOf(this.ps, this.xs);
  }

  var(): Real {
    const second = ops.dotOf(this.ps, this.xs.map((x) => x * x));
    return ops.sub(second, ops.abs2(this.mean()));
  }

  minimum(): Real {
    return this.xs[0]!;
  }

  maximum(): Real {
    return this.xs[this.xs.length - 1]!;
  }

  rand(rng: Rng): number {
    return this.xs[randCategorical(rng, this.pv)]!;
  }
}

export function DiscreteNonParametric(xs: readonly Real[], ps: readonly Real[]): UnivariateDistribution {
  const f = 'DiscreteNonParametric';
  if (xs.length !== ps.length) throw new DistributionArgumentError(f, 'ps', `the support xs and the probabilities ps must have the same length, got ${xs.length} and ${ps.length}`);
  checkProbVector(f, 'ps', ps);
  const order = xs.map((_, i) => i).sort((i, j) => value(xs[i]!) - value(xs[j]!));
  const sorted = order.map((i) => value(xs[i]!));
  const repeated = sorted.findIndex((x, i) => i > 0 && x === sorted[i - 1]);
  if (repeated > 0) throw new DistributionArgumentError(f, 'xs', `the support xs must not repeat a value, got ${sorted[repeated]} twice`);
  if (sorted.some((x) => !Number.isFinite(x))) throw new DistributionArgumentError(f, 'xs', 'the support xs must be finite numbers');
  return new DiscreteNonParametricDist(sorted, order.map((i) => ps[i]!));
}
