import { value, type Real } from '../ad/index.js';
import type { Support } from '../bijectors/index.js';
import type { Distribution } from '../dist/index.js';
import type { Rng } from '../rng/index.js';

/**
 * A draw of `dist`, kept inside its open support. Floating point rounds a draw very close to a bound onto the bound:
 * BUGS's vague Gamma(0.001, 0.001) is 0 about half the time, where the unconstrained space has no point (log 0), and
 * the check, a prior or SMC run and MH's prior proposals stopped with "outside the support". Such a draw moves to the
 * nearest double inside: the exact draw lies between the bound and that double, so this only rounds it the other way.
 */
export function interiorDraw(dist: Distribution, rng: Rng): Real[] {
  const draw = dist.rand(rng);
  const x = typeof draw === 'number' ? [draw] : Array.from(draw);
  // A scalar support of a vector or matrix value applies to each of its entries.
  if (!dist.discrete) keepInside(dist.support(), x, 0, x.length);
  return x;
}

/**
 * Moves the entries of `x` from `at` on that sit on a bound of `support` inside it, a scalar support covering `count`
 * entries; returns how many entries the support covers.
 */
function keepInside(support: Support, x: Real[], at: number, count: number): number {
  switch (support.kind) {
    case 'lower':
    case 'upper':
    case 'interval': {
      const lower = support.kind === 'upper' ? -Infinity : value(support.lower);
      const upper = support.kind === 'lower' ? Infinity : value(support.upper);
      if (!(lower < upper)) return count;
      for (let i = at; i < at + count; i++) {
        const v = value(x[i]!);
        if (v <= lower) x[i] = nextDouble(lower, 1);
        else if (v >= upper) x[i] = nextDouble(upper, -1);
      }
      return count;
    }
    case 'elementwise': {
      let offset = at;
      for (const s of support.supports) offset += keepInside(s, x, offset, 1);
      return offset - at;
    }
    case 'simplex':
    case 'ordered':
      return support.dim;
    case 'corr':
    case 'corr-cholesky':
    case 'pd':
      return support.dim * support.dim;
    default:
      return count;
  }
}

/** The double next to the finite `x`, above it (direction 1) or below it (−1). */
function nextDouble(x: number, direction: 1 | -1): number {
  if (x === 0) return direction * Number.MIN_VALUE;
  const bits = new BigInt64Array(Float64Array.of(x).buffer);
  bits[0] = bits[0]! + ((x > 0) === (direction > 0) ? 1n : -1n);
  return new Float64Array(bits.buffer)[0]!;
}
