import { node, ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { log1mexp, log1pexp, logistic } from '../../math/index.js';
import { randCategorical, type Rng } from '../../rng/index.js';
import { DistributionArgumentError } from '../types.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite } from './check.js';

/**
 * Turing's OrderedLogistic(η, c) on 1..K, K = length(c) + 1:
 * P(1) = 1 − σ(η − c₁), P(k) = σ(η − c_{k−1}) − σ(η − c_k), P(K) = σ(η − c_{K−1}).
 * Each log mass is one node on η and the (at most two) cutpoints it touches.
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
    for (let i = 1; i < this.cv.length; i++) {
      if (this.cv[i]! < this.cv[i - 1]!) {
        throw new DistributionArgumentError('OrderedLogistic', 'cutpoints', `cutpoints must be sorted, got ${this.cv[i - 1]} before ${this.cv[i]}`);
      }
    }
  }

  private get K(): number {
    return this.c.length + 1;
  }

  /** log P(k) on plain numbers. */
  private logMass(k: number): number {
    const e = this.ηv;
    const c = this.cv;
    if (k === 1) return -log1pexp(e - c[0]!);
    if (k === this.K) return -log1pexp(c[k - 2]! - e);
    // log(σ(a) − σ(b)), a = η − c_{k−1} > b = η − c_k, as log(1 − e^(b−a)) − log(1 + e^b) − log(1 + e^−a).
    return log1mexp(c[k - 2]! - c[k - 1]!) - log1pexp(e - c[k - 1]!) - log1pexp(c[k - 2]! - e);
  }

  logpdf(x: Real): Real {
    const k = value(x);
    if (!Number.isInteger(k) || k < 1 || k > this.K) return -Infinity;
    const v = this.logMass(k);
    const e = this.ηv;
    const c = this.cv;
    if (k === 1) {
      const s = logistic(e - c[0]!);
      return node(v, [this.η, this.c[0]!], [-s, s]);
    }
    if (k === this.K) {
      const s = logistic(c[k - 2]! - e);
      return node(v, [this.η, this.c[k - 2]!], [s, -s]);
    }
    // ∂/∂a log(σ(a) − σ(b)) = σ'(a)/(σ(a) − σ(b)), σ'(a) = σ(a)σ(−a); formed in logs.
    const a = e - c[k - 2]!;
    const b = e - c[k - 1]!;
    const da = Math.exp(-log1pexp(a) - log1pexp(-a) - v);
    const db = -Math.exp(-log1pexp(b) - log1pexp(-b) - v);
    return node(v, [this.η, this.c[k - 2]!, this.c[k - 1]!], [da + db, -da, -db]);
  }

  /** P(X ≤ k) = 1 − σ(η − c_k) = σ(c_k − η). */
  logcdf(x: Real): Real {
    const k = Math.floor(value(x));
    if (k < 1) return -Infinity;
    if (k >= this.K) return 0;
    const t = this.cv[k - 1]! - this.ηv;
    const s = logistic(-t);
    return node(-log1pexp(-t), [this.η, this.c[k - 1]!], [-s, s]);
  }

  logccdf(x: Real): Real {
    const k = Math.floor(value(x));
    if (k < 1) return 0;
    if (k >= this.K) return -Infinity;
    const t = this.cv[k - 1]! - this.ηv;
    const s = logistic(t);
    return node(-log1pexp(t), [this.η, this.c[k - 1]!], [s, -s]);
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
