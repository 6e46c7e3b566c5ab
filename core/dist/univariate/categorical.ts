import { nodeByRule, noteValueDependence, ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { randCategorical, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkProbVector } from './check.js';

/** log Σ xs as one node (partials 1/Σ each), with its replay rule. */
export function logSum(xs: readonly Real[]): Real {
  const n = xs.length;
  const rule = (v: ArrayLike<number>, p: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += v[i]!;
    p.fill(1 / s, 0, n);
    return Math.log(s);
  };
  return nodeByRule(xs, rule);
}

/** Categorical(p) on 1..K; p_k may be AD values, and log p_k is one node with partial 1/p_k. */
class CategoricalDist extends UnivariateDistribution {
  readonly family = 'Categorical';
  readonly discrete = true;
  private readonly pv: Float64Array;

  constructor(private readonly p: readonly Real[]) {
    super();
    this.pv = checkProbVector('Categorical', 'p', p);
  }

  /** Distributions.jl's `probs(d)`: a mixture's prior may be given as the Categorical itself. */
  get probabilities(): readonly Real[] {
    return this.p;
  }

  logpdf(x: Real): Real {
    const k = value(x);
    if (!Number.isInteger(k) || k < 1 || k > this.p.length) return -Infinity;
    return ops.log(this.p[k - 1]!);
  }

  logcdf(x: Real): Real {
    const k = Math.floor(value(x));
    if (k < 1) return -Infinity;
    return k >= this.p.length ? 0 : logSum(this.p.slice(0, k));
  }

  logccdf(x: Real): Real {
    const k = Math.floor(value(x));
    if (k < 1) return 0;
    return k >= this.p.length ? -Infinity : logSum(this.p.slice(k));
  }

  protected quantileOf(q: number): number {
    let cum = 0;
    for (let k = 0; k < this.pv.length; k++) {
      cum += this.pv[k]!;
      if (cum >= q) return k + 1;
    }
    return this.pv.length;
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return ops.dotOf(this.p, this.p.map((_, i) => i + 1));
  }

  var(): Real {
    const second = ops.dotOf(this.p, this.p.map((_, i) => (i + 1) * (i + 1)));
    return ops.sub(second, ops.abs2(this.mean()));
  }

  /** The first most probable category. */
  override mode(): Real {
    for (const q of this.p) noteValueDependence(q, '`mode`');
    let best = 0;
    for (let k = 1; k < this.pv.length; k++) if (this.pv[k]! > this.pv[best]!) best = k;
    return best + 1;
  }

  /** −Σ p log p, with 0 log 0 = 0. */
  override entropy(): Real {
    return ops.neg(ops.sumOf(this.p.filter((_, k) => this.pv[k] !== 0).map((q) => ops.mul(q, ops.log(q)))));
  }

  minimum(): Real {
    return 1;
  }

  maximum(): Real {
    return this.p.length;
  }

  rand(rng: Rng): number {
    return randCategorical(rng, this.pv) + 1;
  }
}

export function Categorical(p: readonly Real[]): UnivariateDistribution {
  return new CategoricalDist(p);
}

/** The probabilities of `d` when it is a Categorical. */
export function categoricalProbabilities(d: unknown): readonly Real[] | undefined {
  return d instanceof CategoricalDist ? d.probabilities : undefined;
}
