import { nodeByRule, ops, value, valuesOf, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { log1mexp, log1pexp, logistic } from '../../math/index.js';
import { randCategorical, type Rng } from '../../rng/index.js';
import { DistributionArgumentError } from '../types.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite, checkJointly } from './check.js';

type Rule = (v: ArrayLike<number>, p: Float64Array) => number;

/** log(1 − σ(η − c)) on [η, c]. */
const belowCut: Rule = (v, p) => {
  const t = v[0]! - v[1]!;
  const s = logistic(t);
  p[0] = -s;
  p[1] = s;
  return -log1pexp(t);
};

/** log σ(η − c) on [η, c]. */
const aboveCut: Rule = (v, p) => {
  const t = v[1]! - v[0]!;
  const s = logistic(t);
  p[0] = s;
  p[1] = -s;
  return -log1pexp(t);
};

/**
 * log(σ(a) − σ(b)) on [η, c_{k−1}, c_k], a = η − c_{k−1} ≥ b = η − c_k, as
 * log(1 − e^(b−a)) − log(1 + e^b) − log(1 + e^−a); ∂/∂a = σ'(a)/(σ(a) − σ(b)) with σ'(a) = σ(a)σ(−a),
 * formed in logs.
 */
const betweenCuts: Rule = (v, p) => {
  const a = v[0]! - v[1]!;
  const b = v[0]! - v[2]!;
  const lp = log1mexp(b - a) - log1pexp(b) - log1pexp(-a);
  const da = Math.exp(-log1pexp(a) - log1pexp(-a) - lp);
  const db = -Math.exp(-log1pexp(b) - log1pexp(-b) - lp);
  p[0] = da + db;
  p[1] = -da;
  p[2] = -db;
  return lp;
};

/** The first i with v[i] < v[i − 1], or 0 when v is sorted. */
function firstDescent(v: ArrayLike<number>): number {
  for (let i = 1; i < v.length; i++) if (v[i]! < v[i - 1]!) return i;
  return 0;
}

/**
 * Turing throws on unsorted cutpoints; checked jointly, so that a compiled tape checks cutpoints that are
 * parameters (`c ~ filldist(Normal(0, 5), K - 1)` without `ordered`) again at each replay.
 */
const isSorted = (v: ArrayLike<number>): boolean => firstDescent(v) === 0;

/**
 * Turing's OrderedLogistic(η, c) on 1..K, K = length(c) + 1:
 * P(1) = 1 − σ(η − c₁), P(k) = σ(η − c_{k−1}) − σ(η − c_k), P(K) = σ(η − c_{K−1}).
 * Each log mass is one replayable node on η and the (at most two) cutpoints it touches.
 */
class OrderedLogisticDist extends UnivariateDistribution {
  readonly family = 'OrderedLogistic';
  readonly discrete = true;
  private readonly ηv: number;
  private readonly cv: Float64Array;

  constructor(
    private readonly η: Real,
    private readonly c: readonly Real[],
  ) {
    super();
    this.ηv = checkFinite('OrderedLogistic', 'η', η);
    if (c.length === 0) throw new DistributionArgumentError('OrderedLogistic', 'cutpoints', 'cutpoints must not be empty');
    this.cv = Float64Array.from(c, (x, i) => checkFinite('OrderedLogistic', 'cutpoints', x, `cutpoints[${i + 1}]`));
    checkJointly('OrderedLogistic', 'cutpoints', c, isSorted, (v) => {
      const i = firstDescent(v);
      return `cutpoints must be sorted, got ${v[i - 1]} before ${v[i]}`;
    });
  }

  private get K(): number {
    return this.c.length + 1;
  }

  /** The rule for log P(k) and the inputs it reads: η and the cutpoints either side of k. */
  private massRule(k: number): [Rule, Real[]] {
    if (k === 1) return [belowCut, [this.η, this.c[0]!]];
    if (k === this.K) return [aboveCut, [this.η, this.c[k - 2]!]];
    return [betweenCuts, [this.η, this.c[k - 2]!, this.c[k - 1]!]];
  }

  /** log P(k) on plain numbers. */
  private logMass(k: number): number {
    const [rule, inputs] = this.massRule(k);
    return rule(valuesOf(inputs), new Float64Array(3));
  }

  logpdf(x: Real): Real {
    const k = value(x);
    if (!Number.isInteger(k) || k < 1 || k > this.K) return -Infinity;
    const [rule, inputs] = this.massRule(k);
    return nodeByRule(inputs, rule);
  }

  /** P(X ≤ k) = 1 − σ(η − c_k), the first category's mass with c_k as its cutpoint. */
  logcdf(x: Real): Real {
    const k = Math.floor(value(x));
    if (k < 1) return -Infinity;
    if (k >= this.K) return 0;
    return nodeByRule([this.η, this.c[k - 1]!], belowCut);
  }

  logccdf(x: Real): Real {
    const k = Math.floor(value(x));
    if (k < 1) return 0;
    if (k >= this.K) return -Infinity;
    return nodeByRule([this.η, this.c[k - 1]!], aboveCut);
  }

  private masses(): Float64Array {
    return Float64Array.from({ length: this.K }, (_, i) => Math.exp(this.logMass(i + 1)));
  }

  protected quantileOf(q: number): number {
    const p = this.masses();
    let cum = 0;
    for (let k = 0; k < p.length; k++) {
      cum += p[k]!;
      if (cum >= q) return k + 1;
    }
    return p.length;
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  private massesReal(): Real[] {
    return Array.from({ length: this.K }, (_, i) => ops.exp(this.logpdf(i + 1)));
  }

  mean(): Real {
    const p = this.massesReal();
    return ops.dotOf(p, p.map((_, i) => i + 1));
  }

  var(): Real {
    const p = this.massesReal();
    const m = ops.dotOf(p, p.map((_, i) => i + 1));
    return ops.sub(ops.dotOf(p, p.map((_, i) => (i + 1) * (i + 1))), ops.abs2(m));
  }

  minimum(): Real {
    return 1;
  }

  maximum(): Real {
    return this.K;
  }

  rand(rng: Rng): number {
    return randCategorical(rng, this.masses()) + 1;
  }
}

export function OrderedLogistic(η: Real, cutpoints: readonly Real[]): UnivariateDistribution {
  return new OrderedLogisticDist(η, cutpoints);
}
