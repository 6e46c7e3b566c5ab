import { anyAD, nodeByRule, ops, value, valuesOf, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkProbability } from './check.js';
import { discreteQuantile } from './numeric.js';

/** The pmf `s` of some trials convolved with one more trial of success probability p. */
function withTrial(s: Float64Array, p: number): Float64Array {
  const out = new Float64Array(s.length + 1);
  out[0] = (1 - p) * s[0]!;
  for (let r = 1; r < s.length; r++) out[r] = (1 - p) * s[r]! + p * s[r - 1]!;
  out[s.length] = p * s[s.length - 1]!;
  return out;
}

/** The pmf of the number of successes among independent trials with success probabilities p (Thomas and Taub's recursion, as Distributions.jl). */
function pmfOf(p: ArrayLike<number>): Float64Array {
  let s: Float64Array = new Float64Array([1]);
  for (let i = 0; i < p.length; i++) s = withTrial(s, p[i]!);
  return s;
}

/**
 * P₋ᵢ(m), the pmf at m of the trials other than i, as the convolution of the pmfs of the trials before
 * and after i (prefix and suffix tables, O(n²) to build). The partials follow from it:
 * ∂P(X = k)/∂pᵢ = P₋ᵢ(k − 1) − P₋ᵢ(k) and ∂P(X ≤ k)/∂pᵢ = −P₋ᵢ(k).
 */
function withoutEach(p: ArrayLike<number>): (i: number, m: number) => number {
  const n = p.length;
  const prefix: Float64Array[] = [new Float64Array([1])];
  for (let i = 0; i < n; i++) prefix.push(withTrial(prefix[i]!, p[i]!));
  const suffix: Float64Array[] = new Array<Float64Array>(n + 1);
  suffix[n] = new Float64Array([1]);
  for (let i = n - 1; i >= 0; i--) suffix[i] = withTrial(suffix[i + 1]!, p[i]!);
  return (i, m) => {
    if (m < 0 || m > n - 1) return 0;
    const before = prefix[i]!;
    const after = suffix[i + 1]!;
    let s = 0;
    for (let j = Math.max(0, m - (after.length - 1)); j <= Math.min(m, before.length - 1); j++) s += before[j]! * after[m - j]!;
    return s;
  };
}

/** PoissonBinomial(p): successes among independent trials with success probabilities p₁ … pₙ, on 0..n. */
class PoissonBinomialDist extends UnivariateDistribution {
  readonly family = 'PoissonBinomial';
  readonly discrete = true;
  private readonly pv: Float64Array;

  constructor(private readonly p: readonly Real[]) {
    super();
    this.pv = valuesOf(p);
  }

  private isCount(k: number): boolean {
    return Number.isInteger(k) && k >= 0 && k <= this.p.length;
  }

  logpdf(x: Real): Real {
    const k = value(x);
    if (!this.isCount(k)) return -Infinity;
    if (!anyAD(this.p)) return Math.log(pmfOf(this.pv)[k]!);
    return nodeByRule(this.p, (v, g) => {
      const mass = pmfOf(v)[k]!;
      const without = withoutEach(v);
      for (let i = 0; i < v.length; i++) g[i] = (without(i, k - 1) - without(i, k)) / mass;
      return Math.log(mass);
    });
  }

  logcdf(x: Real): Real {
    return this.tail(Math.floor(value(x)), false);
  }

  logccdf(x: Real): Real {
    return this.tail(Math.floor(value(x)), true);
  }

  /** log P(X ≤ k) or log P(X > k), each summed over its own masses so neither loses digits to a complement. */
  private tail(k: number, upper: boolean): Real {
    const n = this.p.length;
    if (k < 0) return upper ? 0 : -Infinity;
    if (k >= n) return upper ? -Infinity : 0;
    const sum = (pmf: Float64Array) => {
      let s = 0;
      for (let m = upper ? k + 1 : 0; m <= (upper ? n : k); m++) s += pmf[m]!;
      return s;
    };
    if (!anyAD(this.p)) return Math.log(sum(pmfOf(this.pv)));
    return nodeByRule(this.p, (v, g) => {
      const s = sum(pmfOf(v));
      const without = withoutEach(v);
      for (let i = 0; i < v.length; i++) g[i] = ((upper ? 1 : -1) * without(i, k)) / s;
      return Math.log(s);
    });
  }

  protected quantileOf(q: number): number {
    const pmf = pmfOf(this.pv);
    const cdf = (k: number) => pmf.subarray(0, k + 1).reduce((a, b) => a + b, 0);
    return discreteQuantile(cdf, q, 0, this.p.length, value(this.mean()));
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return ops.sumOf(this.p);
  }

  var(): Real {
    return ops.sumOf(this.p.map((pi) => ops.mul(pi, ops.sub(1, pi))));
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return this.p.length;
  }

  rand(rng: Rng): number {
    let k = 0;
    for (const pi of this.pv) if (rng.uniform() < pi) k++;
    return k;
  }
}

export function PoissonBinomial(p: readonly Real[]): UnivariateDistribution {
  p.forEach((pi, i) => checkProbability('PoissonBinomial', 'p', pi, false, `p[${i + 1}]`));
  return new PoissonBinomialDist(p);
}
