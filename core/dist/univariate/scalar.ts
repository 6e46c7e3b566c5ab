import { anyAD, nodeByRule, value, type Real, type Recompute } from '../../ad/index.js';
import { UnivariateDistribution } from './base.js';
import { discreteQuantile, numericPartial } from './numeric.js';

/**
 * A family with a fixed list of scalar parameters, written once as plain-number functions; this class
 * turns them into single AD nodes. Partials are computed only when some input is an AD value, and each
 * node is built from a rule on its inputs' values that the backend keeps, so a compiled reverse tape
 * can replay it at new parameters.
 *
 * The cdf partials come from one quantity per parameter, g = (∂F/∂θ) / f(x) (f the density, or the
 * mass at ⌊x⌋ for discrete families): then ∂ log F/∂θ = g f/F and ∂ log(1−F)/∂θ = −g f/(1−F), both formed
 * as exp(log f − log F) so neither tail under- or overflows. Location–scale parameters give g = −1 and
 * g = −z. Where ∂F/∂θ has no closed form (the shape of an incomplete gamma or beta function), the
 * family returns null and the partial of the log cdf is taken numerically by `numericPartial`; the
 * partials with respect to x and the closed-form parameters stay exact.
 */
export abstract class ScalarUnivariate<P extends readonly number[]> extends UnivariateDistribution {
  /** Decided once: with plain parameters and a plain x, the hot path allocates nothing. */
  private readonly paramsAD: boolean;

  /**
   * @param params the parameters as given (numbers or AD values), in the order of `lpdfGrad`'s entries
   * @param θ their plain values, already checked
   */
  constructor(
    protected readonly params: readonly Real[],
    protected readonly θ: P,
  ) {
    super();
    this.paramsAD = anyAD(params);
  }

  protected abstract lpdf(x: number, θ: P): number;
  /** [∂/∂x, ∂/∂θ₁, …] of `lpdf`; only called where `lpdf` is finite. For discrete families ∂/∂x is unused. */
  protected abstract lpdfGrad(x: number, θ: P): ArrayLike<number>;
  protected abstract lcdf(x: number, θ: P): number;
  protected abstract lccdf(x: number, θ: P): number;
  /** g = (∂F/∂θᵢ) / f(x) for each parameter, or null where only a numerical derivative is available. */
  protected abstract cdfGrad(x: number, θ: P): readonly (number | null)[];

  /**
   * log(f / (1 − F)) (upper) or log(f / F) at x, given that log tail. A family whose log density and log
   * tail share a term that grows without bound ((x/θ)^α in Weibull's) gives it in closed form: the
   * difference of the two loses that term's digits, and all of them once it passes 2^53 × the rest.
   */
  protected logTailRatio(x: number, θ: P, _upper: boolean, logTail: number): number {
    return this.lpdf(x, θ) - logTail;
  }

  /**
   * One Newton step on log F(x) = log p, for quantiles whose closed form goes through 1 − p (inverse
   * incomplete functions offered only for the lower tail) and so loses the relative precision of small p.
   */
  protected polishQuantile(x: number, p: number): number {
    const lf = this.lcdf(x, this.θ);
    const step = (lf - Math.log(p)) * Math.exp(lf - this.lpdf(x, this.θ));
    return Number.isFinite(step) ? x - step : x;
  }

  /** `polishQuantile` for the upper tail: one Newton step on log(1 − F(x)) = log q. */
  protected polishCquantile(x: number, q: number): number {
    const ls = this.lccdf(x, this.θ);
    const step = (ls - Math.log(q)) * Math.exp(ls - this.lpdf(x, this.θ));
    return Number.isFinite(step) ? x + step : x;
  }

  /** The smallest integer k in [lo, hi] with cdf(k) ≥ p, searched outwards from `guess` (discrete families). */
  protected searchQuantile(p: number, lo: number, hi: number, guess: number): number {
    return discreteQuantile((k) => Math.exp(this.lcdf(k, this.θ)), p, lo, hi, guess);
  }

  logpdf(x: Real): Real {
    const xv = value(x);
    if (!this.paramsAD && typeof x === 'number') return this.lpdf(xv, this.θ);
    const n = this.θ.length + 1;
    // The parameters' values in one array the rule keeps: a loop of `y[i] ~ LogPoisson(…)` replays a rule per
    // observation, and an array made at each call was most of its garbage (V8 did not remove it there).
    const θ = new Array<number>(n - 1);
    const rule = (vals: ArrayLike<number>, p: Float64Array): number => {
      for (let i = 1; i < n; i++) θ[i - 1] = vals[i]!;
      const v = this.lpdfWithGrad(vals[0]!, θ as unknown as P, p, 0);
      if (v === -Infinity) p.fill(0, 0, n);
      return v;
    };
    return nodeByRule([x, ...this.params], rule);
  }

  /**
   * Σᵢ log pᵢ(xᵢ) over independent scalar parts as one node with hand-summed partials, so `filldist`
   * and `arraydist` add one node to a tape however many elements they have. Parts that are one
   * object (`filldist`) share their parameters' inputs; other parts bring theirs element by element.
   */
  static sumLogpdf(parts: readonly ScalarUnivariate<readonly number[]>[], x: readonly Real[]): Real {
    const shared = parts.every((d) => d === parts[0]);
    const paramsAD = shared ? parts[0]?.paramsAD : parts.some((d) => d.paramsAD);
    if (!paramsAD && !anyAD(x)) {
      let total = 0;
      for (let i = 0; i < parts.length; i++) total += parts[i]!.lpdf(x[i] as number, parts[i]!.θ);
      return total;
    }
    return shared && parts.length > 0 ? parts[0]!.sharedSum(x) : ScalarUnivariate.distinctSum(parts, x);
  }

  /** Every xᵢ from this one distribution: inputs [x₁ … xₙ, θ₁ … θₖ]. */
  private sharedSum(x: readonly Real[]): Real {
    const n = x.length;
    const rule = (vals: ArrayLike<number>, p: Float64Array): number => {
      p.fill(0);
      const total = this.sharedSumAt(vals, n, this.thetaAt(vals, n), p);
      if (total === -Infinity) p.fill(0);
      return total;
    };
    return nodeByRule([...x, ...this.params], rule);
  }

  /**
   * `lpdf` with its partials [∂/∂x, ∂/∂θ₁, …] written at `p[at …]` (left unwritten at −∞). Families
   * override it to share work between the value and the partials (one exponential instead of two).
   */
  protected lpdfWithGrad(x: number, θ: P, p: Float64Array, at: number): number {
    const v = this.lpdf(x, θ);
    if (v === -Infinity) return v;
    const g = this.lpdfGrad(x, θ);
    for (let j = 0; j < g.length; j++) p[at + j] = g[j]!;
    return v;
  }

  /**
   * Σ log p(xᵢ) over `vals[0 … n)` with the partials: ∂/∂xᵢ into `p[i]`, each parameter's summed into
   * `p[n + j]` (zeroed by the caller). May stop at the first −∞. Families override it with one fused
   * loop when the per-element `lpdfGrad` array is most of the cost.
   */
  protected sharedSumAt(vals: ArrayLike<number>, n: number, θ: P, p: Float64Array): number {
    const k = θ.length;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const v = this.lpdf(vals[i]!, θ);
      if (v === -Infinity) return -Infinity;
      total += v;
      const g = this.lpdfGrad(vals[i]!, θ);
      p[i] = g[0]!;
      for (let j = 0; j < k; j++) p[n + j]! += g[j + 1]!;
    }
    return total;
  }

  /**
   * The rule of Σᵢ log pᵢ(xᵢ) over `parts`, all of this class, as one loop over columns that makes nothing per
   * part, or undefined where the family has none (or none for these parts). Its operands are x₁ … xₙ, then
   * each parameter's column: n values, or one that every part shares (`strides[j]` 1 or 0). It writes every
   * partial, summing a shared parameter's, and returns −∞ with all partials 0 as soon as a part's density is 0.
   */
  protected columnRule(_parts: readonly this[], _strides: readonly number[]): Recompute | undefined {
    return undefined;
  }

  /**
   * `distinctSum` for parts of one class that has a `columnRule`: `arraydist(BernoulliLogit.(η))` becomes one
   * loop over η, which is consecutive on a tape when a block wrote it, instead of a walk over [x₁, η₁, x₂, η₂ …].
   */
  private static columnSum(parts: readonly ScalarUnivariate<readonly number[]>[], x: readonly Real[]): Real | undefined {
    const first = parts[0]!;
    for (let i = 1; i < parts.length; i++) if (parts[i]!.constructor !== first.constructor) return undefined;
    const inputs: Real[] = x.slice();
    const strides: number[] = [];
    for (let j = 0; j < first.params.length; j++) {
      const one = first.params[j]!;
      let shared = true;
      for (let i = 1; i < parts.length && shared; i++) shared = parts[i]!.params[j] === one;
      strides.push(shared ? 0 : 1);
      if (shared) inputs.push(one);
      else for (let i = 0; i < parts.length; i++) inputs.push(parts[i]!.params[j]!);
    }
    const rule = first.columnRule(parts, strides);
    return rule === undefined ? undefined : nodeByRule(inputs, rule);
  }

  /** Each xᵢ from its own part: inputs [x₁, θ₁…, x₂, θ₂…, …]. */
  private static distinctSum(parts: readonly ScalarUnivariate<readonly number[]>[], x: readonly Real[]): Real {
    const fused = parts.length > 0 ? ScalarUnivariate.columnSum(parts, x) : undefined;
    if (fused !== undefined) return fused;
    const inputs: Real[] = [];
    for (let i = 0; i < parts.length; i++) {
      inputs.push(x[i]!);
      for (const θ of parts[i]!.params) inputs.push(θ);
    }
    const rule = (vals: ArrayLike<number>, p: Float64Array): number => {
      p.fill(0);
      let total = 0;
      for (let i = 0, at = 0; i < parts.length; i++) {
        const d = parts[i]!;
        const v = d.lpdfWithGrad(vals[at]!, d.thetaAt(vals, at + 1), p, at);
        if (v === -Infinity) {
          p.fill(0);
          return -Infinity;
        }
        total += v;
        at += d.θ.length + 1;
      }
      return total;
    };
    return nodeByRule(inputs, rule);
  }

  logcdf(x: Real): Real {
    return this.tail(x, false);
  }

  logccdf(x: Real): Real {
    return this.tail(x, true);
  }

  private tail(x: Real, upper: boolean): Real {
    const fn = (k: number, t: P) => (upper ? this.lccdf(k, t) : this.lcdf(k, t));
    const at = (xv: number) => (this.discrete ? Math.floor(xv) : xv);
    if (!this.paramsAD && typeof x === 'number') return fn(at(x), this.θ);
    const n = this.θ.length + 1;
    const rule = (vals: ArrayLike<number>, p: Float64Array): number => {
      const xv = at(vals[0]!);
      const θ = this.thetaOf(vals);
      const v = fn(xv, θ);
      p.fill(0, 0, n);
      // log F = 0 or −∞ only where F is locally constant (beyond the support), so the partials are 0.
      if (v === -Infinity || v === 0) return v;
      const ratio = (upper ? -1 : 1) * Math.exp(this.logTailRatio(xv, θ, upper, v));
      if (!this.discrete) p[0] = ratio;
      const g = this.cdfGrad(xv, θ);
      for (let i = 0; i < θ.length; i++) {
        if (typeof this.params[i] === 'number') continue;
        const gi = g[i] ?? null;
        if (gi === null) p[i + 1] = numericPartial((t) => fn(xv, replaced(θ, i, t)), θ[i]!);
        else if (ratio !== 0) p[i + 1] = gi * ratio;
      }
      return v;
    };
    return nodeByRule([x, ...this.params], rule);
  }

  private thetaOf(vals: ArrayLike<number>): P {
    return this.thetaAt(vals, 1);
  }

  /** The parameters' values from `vals[at …]`. */
  private thetaAt(vals: ArrayLike<number>, at: number): P {
    // A plain loop: Array.from with a mapping function costs more than the density on this hot path.
    const θ = new Array<number>(this.θ.length);
    for (let i = 0; i < θ.length; i++) θ[i] = vals[at + i]!;
    return θ as unknown as P;
  }
}

/**
 * Where each parameter's column starts among a `columnRule`'s operands (after the n values), and after the
 * last, how many operands there are.
 */
export function columnStarts(n: number, strides: readonly number[]): number[] {
  const starts = [n];
  for (const s of strides) starts.push(starts[starts.length - 1]! + (s === 0 ? 1 : n));
  return starts;
}

function replaced<P extends readonly number[]>(θ: P, i: number, t: number): P {
  const out = θ.slice();
  out[i] = t;
  return out as unknown as P;
}
