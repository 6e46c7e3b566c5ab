import { node, value, type Real } from '../ad/index.js';
import { log1pexp } from '../math/index.js';

/**
 * The canonical-partial-correlation construction shared by Bijectors' VecCholeskyBijector and
 * VecCorrBijector: y ∈ ℝ^{d(d−1)/2}, one entry per strictly-upper position of a d×d upper-triangular
 * factor W, in column-major order ((1,2), (1,3), (2,3), (1,4), …). Column j of W is a unit vector whose
 * i-th entry takes the fraction tanh(y_ij) of the length not yet used by the entries above it.
 */

export function cpcLength(d: number): number {
  return (d * (d - 1)) / 2;
}

/** LogExpFunctions' logcosh: finite for every x, where log(cosh(x)) overflows past |x| ≈ 710. */
export function logcosh(x: number): number {
  const ax = Math.abs(x);
  return ax + log1pexp(-2 * ax) - Math.LN2;
}

/** Bijectors' _link_chol_lkj_from_upper: the first row by atanh, the rest by asinh against the length below. */
export function linkCpc(w: ArrayLike<number>, d: number): Float64Array {
  const y = new Float64Array(cpcLength(d));
  let start = 0;
  for (let c = 1; c < d; c++) {
    y[start] = Math.atanh(w[c * d]!);
    let remainderSq = w[c + c * d]! ** 2;
    for (let r = c - 1; r >= 1; r--) {
      const wrc = w[r + c * d]!;
      y[start + r] = Math.asinh(wrc / Math.sqrt(remainderSq));
      remainderSq += wrc * wrc;
    }
    start += c;
  }
  return y;
}

/**
 * Bijectors' _inv_link_chol_lkj, as nodes: the log of the length still unused in a column is carried as a
 * node of its own, so every entry of W is one node of at most two inputs.
 */
export function invlinkCpc(y: readonly Real[], d: number): Real[] {
  const w: Real[] = new Array<Real>(d * d).fill(0);
  let idx = 0;
  for (let c = 0; c < d; c++) {
    let logRest: Real = 0;
    for (let r = 0; r < c; r++) {
      const yi = y[idx++]!;
      const yv = value(yi);
      const z = Math.tanh(yv);
      const rest = Math.exp(value(logRest));
      w[r + c * d] = node(z * rest, [yi, logRest], [(1 - z * z) * rest, z * rest]);
      logRest = node(value(logRest) - logcosh(yv), [logRest, yi], [1, -z]);
    }
    const diag = Math.exp(value(logRest));
    w[c + c * d] = node(diag, [logRest], [diag]);
  }
  return w;
}

/** −Σ weight(i, j)·logcosh(y_ij) over the CPC coordinates (1-based i < j), as one node. */
export function weightedLogcoshSum(y: readonly Real[], d: number, weight: (i: number, j: number) => number): Real {
  let v = 0;
  const partials = new Float64Array(y.length);
  let idx = 0;
  for (let j = 2; j <= d; j++) {
    for (let i = 1; i < j; i++) {
      const yv = value(y[idx]!);
      const wt = weight(i, j);
      v -= wt * logcosh(yv);
      partials[idx++] = -wt * Math.tanh(yv);
    }
  }
  return node(v, y, partials);
}
