import { anyAD, node, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { lgamma } from '../../math/index.js';
import { randBinomial, type Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Multivariate } from '../types.js';
import { checkLength, sumsToOne, valuesOf } from './values.js';

/** Counts of n trials over k categories: log p(x) = lΓ(n + 1) − Σ lΓ(xᵢ + 1) + Σ xᵢ log pᵢ. */
class MultinomialDist implements Multivariate {
  readonly family = 'Multinomial';
  readonly variate = 'multivariate';
  readonly discrete = true;
  readonly shape: readonly number[];
  private readonly pV: Float64Array;
  private readonly paramsAD: boolean;

  constructor(
    private readonly n: number,
    private readonly p: readonly Real[],
  ) {
    this.shape = [p.length];
    this.pV = valuesOf(p);
    this.paramsAD = anyAD(p);
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  logpdf(x: readonly Real[]): Real {
    const k = this.pV.length;
    checkLength(this.family, x, k);
    const xv = valuesOf(x);
    let total = 0;
    for (const xi of xv) {
      if (!Number.isInteger(xi) || xi < 0) return -Infinity;
      total += xi;
    }
    if (total !== this.n) return -Infinity;
    let s = lgamma(this.n + 1);
    // xlogy: a zero count contributes nothing, even where pᵢ = 0.
    for (let i = 0; i < k; i++) if (xv[i] !== 0) s += xv[i]! * Math.log(this.pV[i]!) - lgamma(xv[i]! + 1);
    if (!this.paramsAD) return s;
    // Counts carry no derivative; the pᵢ are treated as free coordinates.
    return node(s, this.p, xv.map((xi, i) => (xi === 0 ? 0 : xi / this.pV[i]!)));
  }

  /** Distributions' sequential conditional binomials. */
  rand(rng: Rng): Float64Array {
    const k = this.pV.length;
    const x = new Float64Array(k);
    let left = this.n;
    let rest = 1;
    for (let i = 0; i < k - 1 && left > 0; i++) {
      const pi = this.pV[i]!;
      const xi = pi < rest ? randBinomial(rng, left, pi / rest) : left;
      x[i] = xi;
      left -= xi;
      rest -= pi;
    }
    x[k - 1]! += left;
    return x;
  }

  mean(): Real[] {
    return this.p.map((pi) => ops.mul(this.n, pi));
  }
}

/** Julia's `Multinomial(n, p)`. */
export function Multinomial(n: number, p: readonly Real[]): Multivariate {
  if (!Number.isInteger(n) || n < 0) throw new DistributionArgumentError('Multinomial', 'n', `number of trials n must be a non-negative integer, got ${n}`);
  const pv = valuesOf(p);
  if (pv.length < 1 || pv.some((pi) => !(pi >= 0)) || !sumsToOne(pv)) {
    throw new DistributionArgumentError('Multinomial', 'p', `p must be a probability vector (non-negative, summing to 1), got [${Array.from(pv).join(', ')}]`);
  }
  return new MultinomialDist(n, p);
}
