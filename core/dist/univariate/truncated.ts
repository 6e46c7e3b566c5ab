import { ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { LOG_SQRT_2PI, logaddexp, logsubexp } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import type { Univariate } from '../types.js';
import { invlogccdf, invlogcdf, UnivariateDistribution } from './base.js';
import { checkBounds, intersectBounds } from './bounds.js';
import { LocationScaleFamily } from './standard.js';
import { logaddexpOp, logsubexpOp } from './logops.js';
import { guardSupport } from '../support-guard.js';

/**
 * truncated(D, l, u): D restricted to [l, u], density f(x)/P(l ≤ X ≤ u). Either bound may be absent
 * and either may be an AD value. The normaliser and the cdfs are formed from D's log cdf when the
 * interval starts in D's lower half and from its log ccdf otherwise, so a truncation deep in either
 * tail keeps its precision (Distributions.jl uses the log cdf only). For discrete D, P(X < l) leaves
 * out the mass at l, as in Distributions.jl.
 */
class TruncatedDist extends UnivariateDistribution {
  readonly family = 'Truncated';
  readonly discrete: boolean;
  private readonly lv: number;
  private readonly uv: number;
  /** Whether the tail quantities below are log survival probabilities (true) or log cdfs (false). */
  private readonly upperTail: boolean;
  /** log P(X < l) and log P(X ≤ u) in lower-tail mode; log P(X ≥ l) and log P(X > u) in upper-tail mode. */
  private readonly atLower: Real;
  private readonly atUpper: Real;
  private readonly logtp: Real;

  constructor(
    readonly untruncated: Univariate,
    readonly lower: Real | undefined,
    readonly upper: Real | undefined,
  ) {
    super();
    const d = untruncated;
    this.discrete = d.discrete;
    this.lv = lower === undefined ? -Infinity : value(lower);
    this.uv = upper === undefined ? Infinity : value(upper);
    const massAtLower = (l: Real) => (this.discrete ? d.logpdf(l) : -Infinity);
    const logcdfBelow = lower === undefined ? -Infinity : logsubexpOp(d.logcdf(lower), massAtLower(lower));
    this.upperTail = lower !== undefined && value(logcdfBelow) > -Math.LN2;
    if (this.upperTail) {
      this.atLower = logaddexpOp(d.logccdf(lower!), massAtLower(lower!));
      this.atUpper = upper === undefined ? -Infinity : d.logccdf(upper);
      this.logtp = logsubexpOp(this.atLower, this.atUpper);
    } else {
      this.atLower = logcdfBelow;
      this.atUpper = upper === undefined ? 0 : d.logcdf(upper);
      this.logtp = logsubexpOp(this.atUpper, this.atLower);
    }
  }

  logpdf(x: Real): Real {
    return this.guarded(x, (xv, l, u) => (xv < l || xv > u ? -Infinity : undefined), () => ops.sub(this.untruncated.logpdf(x), this.logtp));
  }

  logcdf(x: Real): Real {
    const d = this.untruncated;
    return this.guarded(
      x,
      (xv, l, u) => (xv < l ? -Infinity : xv >= u ? 0 : undefined),
      () => ops.sub(this.upperTail ? logsubexpOp(this.atLower, d.logccdf(x)) : logsubexpOp(d.logcdf(x), this.atLower), this.logtp),
    );
  }

  logccdf(x: Real): Real {
    const d = this.untruncated;
    return this.guarded(
      x,
      (xv, l, u) => (xv < l ? 0 : xv >= u ? -Infinity : undefined),
      () => ops.sub(this.upperTail ? logsubexpOp(d.logccdf(x), this.atUpper) : logsubexpOp(this.atUpper, d.logcdf(x)), this.logtp),
    );
  }

  /** `body` where x lies within the bounds, `outside`'s value beyond them, checked again by a replay when the bounds are parameters. */
  private guarded(x: Real, outside: (x: number, l: number, u: number) => number | undefined, body: () => Real): Real {
    return guardSupport([x, this.lower ?? -Infinity, this.upper ?? Infinity], (v) => outside(v[0]!, v[1]!, v[2]!), body, 'the support check of `truncated`');
  }

  private clamp(x: number): number {
    return Math.min(this.uv, Math.max(this.lv, x));
  }

  /** Inversion in log space (Distributions.jl's approach for small masses), on the accurate side. */
  protected quantileOf(p: number): number {
    const lp = value(this.logtp) + Math.log(p);
    const a = value(this.atLower);
    return this.clamp(this.upperTail ? invlogccdf(this.untruncated, logsubexp(a, lp)) : invlogcdf(this.untruncated, logaddexp(a, lp)));
  }

  protected override cquantileOf(q: number): number {
    const lq = value(this.logtp) + Math.log(q);
    const b = value(this.atUpper);
    return this.clamp(this.upperTail ? invlogccdf(this.untruncated, logaddexp(b, lq)) : invlogcdf(this.untruncated, logsubexp(b, lq)));
  }

  support(): Support {
    if (this.discrete) return { kind: 'discrete' };
    const lo = this.minimum();
    const hi = this.maximum();
    const hasLo = value(lo) > -Infinity;
    const hasHi = value(hi) < Infinity;
    if (hasLo && hasHi) return { kind: 'interval', lower: lo, upper: hi };
    if (hasLo) return { kind: 'lower', lower: lo };
    if (hasHi) return { kind: 'upper', upper: hi };
    return { kind: 'real' };
  }

  minimum(): Real {
    const m = this.untruncated.minimum();
    return this.lower === undefined ? m : ops.max(m, this.lower);
  }

  maximum(): Real {
    const m = this.untruncated.maximum();
    return this.upper === undefined ? m : ops.min(m, this.upper);
  }

  /**
   * Closed forms for a truncated Normal, as Distributions.jl provides; other truncations have no
   * closed-form moments there either, and give NaN.
   */
  mean(): Real {
    const n = this.normalMoments();
    return n === undefined ? NaN : ops.add(n.μ, ops.mul(n.σ, n.d1));
  }

  var(): Real {
    const n = this.normalMoments();
    if (n === undefined) return NaN;
    return ops.mul(ops.abs2(n.σ), ops.sub(ops.add(1, n.d2), ops.abs2(n.d1)));
  }

  /** For Normal(μ, σ) on [α, β] standardised: d1 = (φ(α) − φ(β))/Z, d2 = (αφ(α) − βφ(β))/Z. */
  private normalMoments(): { μ: Real; σ: Real; d1: Real; d2: Real } | undefined {
    const d = this.untruncated;
    if (!(d instanceof LocationScaleFamily) || d.family !== 'Normal') return undefined;
    const { location: μ, scale: σ } = d;
    // φ(t)/Z and tφ(t)/Z at a bound, 0 at an infinite one.
    const terms = (bound: Real | undefined): [Real, Real] => {
      if (bound === undefined || !Number.isFinite(value(bound))) return [0, 0];
      const t = ops.div(ops.sub(bound, μ), σ);
      const phiOverZ = ops.exp(ops.sub(ops.sub(ops.mul(-0.5, ops.abs2(t)), LOG_SQRT_2PI), this.logtp));
      return [phiOverZ, ops.mul(t, phiOverZ)];
    };
    const [pa, tpa] = terms(this.lower);
    const [pb, tpb] = terms(this.upper);
    return { μ, σ, d1: ops.sub(pa, pb), d2: ops.sub(tpa, tpb) };
  }

  /** Rejection while the kept mass is large (Distributions.jl's threshold), inversion otherwise. */
  rand(rng: Rng): number {
    if (value(this.logtp) > Math.log(0.25)) {
      for (;;) {
        const x = this.untruncated.rand(rng);
        if (x >= this.lv && x <= this.uv) return x;
      }
    }
    return this.quantileOf(rng.uniform());
  }
}

/**
 * truncated(D, lower, upper) with either bound optional (undefined or an infinite bound means none);
 * no bound at all gives D itself, and truncating a truncation intersects the intervals, as in
 * Distributions.jl.
 */
export function truncated(d: Univariate, lower?: Real, upper?: Real): Univariate {
  const b = checkBounds('truncated', lower, upper);
  if (d instanceof TruncatedDist) {
    const { lower: lo, upper: hi } = intersectBounds(b, d);
    return truncated(d.untruncated, lo, hi);
  }
  if (b.lower === undefined && b.upper === undefined) return d;
  return new TruncatedDist(d, b.lower, b.upper);
}
