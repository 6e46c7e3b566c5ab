import { anyAD, node, ops, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { lgamma } from '../../math/index.js';
import { randBinomial, type Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Multivariate } from '../types.js';
import { checkLength, part, sumsToOne, valuesOf } from './values.js';

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
    checkLength(this.family, x, this.pV.length);
    const inputs = [...x, ...this.p];
    if (!this.paramsAD && !anyAD(x)) return this.mass(valuesOf(inputs));
    const p = new Float64Array(inputs.length);
    return node(this.mass(valuesOf(inputs), p), inputs, p, this.rule);
  }

  private readonly rule: Recompute = (v, p) => this.mass(v, p);

  /**
   * The log mass on the inputs [x, p], and its partials when `p` is given: counts carry no derivative,
   * and the pᵢ are treated as free coordinates. The support check is part of it, so a replay makes it again.
   */
  private mass(v: ArrayLike<number>, partials?: Float64Array): number {
    const k = this.pV.length;
    const xv = part(v, 0, k);
    const p = part(v, k, 2 * k);
    partials?.fill(0, 0, 2 * k);
    let total = 0;
    for (const xi of xv) {
      if (!Number.isInteger(xi) || xi < 0) return -Infinity;
      total += xi;
    }
    if (total !== this.n) return -Infinity;
    let s = lgamma(this.n + 1);
    // xlogy: a zero count contributes nothing, even where pᵢ = 0.
    for (let i = 0; i < k; i++) if (xv[i] !== 0) s += xv[i]! * Math.log(p[i]!) - lgamma(xv[i]! + 1);
    if (partials !== undefined) for (let i = 0; i < k; i++) partials[k + i] = xv[i] === 0 ? 0 : xv[i]! / p[i]!;
    return s;
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
