import { ops, type Real } from '../../ad/index.js';
import { logFactorial } from '../../math/index.js';
import { randBinomial, type Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Multivariate } from '../types.js';
import { CountVector } from './counts.js';
import { checkProbVector } from '../univariate/check.js';

/** Counts of n trials over k categories: log p(x) = lΓ(n + 1) − Σ lΓ(xᵢ + 1) + Σ xᵢ log pᵢ. */
class MultinomialDist extends CountVector {
  readonly family = 'Multinomial';

  /** The pᵢ are treated as free coordinates. */
  protected countMass(xv: Float64Array, p: Float64Array, partials?: Float64Array): number {
    const k = xv.length;
    let s = logFactorial(this.n);
    // xlogy: a zero count contributes nothing, even where pᵢ = 0.
    for (let i = 0; i < k; i++) if (xv[i] !== 0) s += xv[i]! * Math.log(p[i]!) - logFactorial(xv[i]!);
    if (partials !== undefined) for (let i = 0; i < k; i++) partials[i] = xv[i] === 0 ? 0 : xv[i]! / p[i]!;
    return s;
  }

  /** Distributions' sequential conditional binomials. */
  rand(rng: Rng): Float64Array {
    const k = this.paramsV.length;
    const x = new Float64Array(k);
    let left = this.n;
    let rest = 1;
    for (let i = 0; i < k - 1 && left > 0; i++) {
      const pi = this.paramsV[i]!;
      const xi = pi < rest ? randBinomial(rng, left, pi / rest) : left;
      x[i] = xi;
      left -= xi;
      rest -= pi;
    }
    x[k - 1]! += left;
    return x;
  }

  mean(): Real[] {
    return this.params.map((pi) => ops.mul(this.n, pi));
  }
}

/** Julia's `Multinomial(n, p)`. */
export function Multinomial(n: number, p: readonly Real[]): Multivariate {
  if (!Number.isInteger(n) || n < 0) throw new DistributionArgumentError('Multinomial', 'n', `number of trials n must be a non-negative integer, got ${n}`);
  checkProbVector('Multinomial', 'p', p);
  return new MultinomialDist(n, p);
}
