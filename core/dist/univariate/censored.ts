import { noteValueDependence, ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { guardSupport } from '../support-guard.js';
import { DistributionArgumentError, type Univariate } from '../types.js';
import { UnivariateDistribution } from './base.js';
import { checkBounds, intersectBounds } from './bounds.js';
import { logaddexpOp, logsubexpOp } from './logops.js';
import { truncated } from './truncated.js';

/**
 * censored(D, l, u): X = clamp(Z, l, u) for Z ~ D. Inside (l, u) the density is D's; the bounds carry
 * point masses, log P(Z ≤ l) at x = l and log P(Z ≥ u) at x = u (for discrete D that includes the mass
 * at u), as Distributions.jl's `Censored`. Either bound may be absent or an AD value.
 *
 * With a continuous D this is a mixture of a density and point masses: fine to observe, but a
 * parameter drawn from it would live in an unconstrained space that never reaches the bounds, so the
 * masses would be silently lost. `support()` refuses it with a message that points to `truncated`
 * (Turing would sample it with the interval transform and get the wrong posterior).
 */
class CensoredDist extends UnivariateDistribution {
  readonly family = 'Censored';
  readonly discrete: boolean;
  private readonly lv: number;
  private readonly uv: number;

  constructor(
    readonly uncensored: Univariate,
    readonly lower: Real | undefined,
    readonly upper: Real | undefined,
  ) {
    super();
    this.discrete = uncensored.discrete;
    this.lv = lower === undefined ? -Infinity : value(lower);
    this.uv = upper === undefined ? Infinity : value(upper);
  }

  logpdf(x: Real): Real {
    const d = this.uncensored;
    const xv = value(x);
    const operands = [x, this.lower ?? -Infinity, this.upper ?? Infinity];
    if (xv > this.lv && xv < this.uv) {
      // A replay that lands exactly on a bound that is a parameter (probability 0) gets the density there.
      return guardSupport(operands, (v) => (v[0]! < v[1]! || v[0]! > v[2]! ? -Infinity : undefined), () => d.logpdf(x), 'the support check of `censored`');
    }
    // A point mass at a bound, or −∞ beyond them: a tape recorded here cannot stand for other values.
    for (const o of operands) noteValueDependence(o, 'the bounds check of `censored`');
    if (xv === this.lv) return xv === this.uv ? 0 : d.logcdf(x);
    if (xv === this.uv) return this.discrete ? logaddexpOp(d.logccdf(x), d.logpdf(x)) : d.logccdf(x);
    return -Infinity;
  }

  logcdf(x: Real): Real {
    return this.guarded(x, (xv, l, u) => (xv < l ? -Infinity : xv >= u ? 0 : undefined), () => this.uncensored.logcdf(x));
  }

  logccdf(x: Real): Real {
    return this.guarded(x, (xv, l, u) => (xv < l ? 0 : xv >= u ? -Infinity : undefined), () => this.uncensored.logccdf(x));
  }

  private guarded(x: Real, outside: (x: number, l: number, u: number) => number | undefined, body: () => Real): Real {
    return guardSupport([x, this.lower ?? -Infinity, this.upper ?? Infinity], (v) => outside(v[0]!, v[1]!, v[2]!), body, 'the support check of `censored`');
  }

  protected quantileOf(p: number): number {
    return Math.min(this.uv, Math.max(this.lv, this.uncensored.quantile(p)));
  }

  support(): Support {
    if (this.discrete) return { kind: 'discrete' };
    throw new DistributionArgumentError(
      'censored',
      'd',
      `a censored ${this.uncensored.family} has point masses at its bounds, so it can only be observed, not be the distribution of a parameter (a sampler never lands on the bounds). For a parameter restricted to [lower, upper] use truncated(d, lower, upper)`,
    );
  }

  minimum(): Real {
    const m = this.uncensored.minimum();
    return this.lower === undefined ? ops.min(m, this.upper!) : ops.max(m, this.lower);
  }

  maximum(): Real {
    const m = this.uncensored.maximum();
    return this.upper === undefined ? ops.max(m, this.lower!) : ops.min(m, this.upper);
  }

  /**
   * Distributions.jl's decomposition E[h(X)] = P(Z < l) h(l) + P(Z > u) h(u) + P(l ≤ Z ≤ u) E[h(T)] with
   * T the truncation to [l, u]: the masses beyond the bounds and the truncation's mean and variance.
   */
  private pieces(): { lower: Real; upper: Real; inside: Real; inner: Univariate } {
    const d = this.uncensored;
    const l = this.lower;
    const u = this.upper;
    const logLower = l === undefined ? -Infinity : this.discrete ? logsubexpOp(d.logcdf(l), d.logpdf(l)) : d.logcdf(l);
    const logUpper = u === undefined ? -Infinity : d.logccdf(u);
    const logInside = ops.log1mexpOp(logaddexpOp(logLower, logUpper));
    return { lower: ops.exp(logLower), upper: ops.exp(logUpper), inside: ops.exp(logInside), inner: truncated(d, l, u) };
  }

  mean(): Real {
    const { lower, upper, inside, inner } = this.pieces();
    let μ = ops.mul(inside, inner.mean());
    if (value(lower) !== 0) μ = ops.add(μ, ops.mul(lower, this.lower!));
    if (value(upper) !== 0) μ = ops.add(μ, ops.mul(upper, this.upper!));
    return μ;
  }

  var(): Real {
    const { lower, upper, inside, inner } = this.pieces();
    const μ = this.mean();
    let v = ops.mul(inside, ops.add(inner.var(), ops.abs2(ops.sub(inner.mean(), μ))));
    if (value(lower) !== 0) v = ops.add(v, ops.mul(lower, ops.abs2(ops.sub(this.lower!, μ))));
    if (value(upper) !== 0) v = ops.add(v, ops.mul(upper, ops.abs2(ops.sub(this.upper!, μ))));
    return v;
  }

  rand(rng: Rng): number {
    return Math.min(this.uv, Math.max(this.lv, this.uncensored.rand(rng)));
  }
}

/**
 * censored(D, lower, upper) with either bound optional (undefined or an infinite bound means none); no
 * bound at all gives D itself, and censoring a censored distribution intersects the intervals, as in
 * Distributions.jl.
 */
export function censored(d: Univariate, lower?: Real, upper?: Real): Univariate {
  const b = checkBounds('censored', lower, upper);
  if (d instanceof CensoredDist) {
    const { lower: lo, upper: hi } = intersectBounds(b, d);
    return censored(d.uncensored, lo, hi);
  }
  if (b.lower === undefined && b.upper === undefined) return d;
  return new CensoredDist(d, b.lower, b.upper);
}
