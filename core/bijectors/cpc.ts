import { node, nodeByRule, value, type Real, type Recompute } from '../ad/index.js';
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

/** An entry above the diagonal, tanh(y)·exp(log rest), on the inputs [y, log rest]. */
const entryRule: Recompute = (v, p) => {
  const z = Math.tanh(v[0]!);
  const rest = Math.exp(v[1]!);
  p[0] = (1 - z * z) * rest;
  p[1] = z * rest;
  return z * rest;
};

/** What is left of the log length after an entry, log rest − logcosh(y), on the inputs [log rest, y]. */
const restRule: Recompute = (v, p) => {
  p[0] = 1;
  p[1] = -Math.tanh(v[1]!);
  return v[0]! - logcosh(v[1]!);
};

/** The diagonal entry, exp(log rest), on the input [log rest]. */
const diagonalRule: Recompute = (v, p) => {
  p[0] = Math.exp(v[0]!);
  return p[0];
};

/**
 * Bijectors' _inv_link_chol_lkj, as nodes: the log of the length still unused in a column is carried as a
 * node of its own, so every entry of W is one node of at most two inputs.
 */
export function invlinkCpc(y: readonly Real[], d: number): Real[] {
  const w: Real[] = new Array<Real>(d * d).fill(0);
  const p = new Float64Array(2);
  let idx = 0;
  for (let c = 0; c < d; c++) {
    let logRest: Real = 0;
    for (let r = 0; r < c; r++) {
      const yi = y[idx++]!;
      w[r + c * d] = node(entryRule([value(yi), value(logRest)], p), [yi, logRest], p, entryRule);
      logRest = node(restRule([value(logRest), value(yi)], p), [logRest, yi], p, restRule);
    }
    w[c + c * d] = node(diagonalRule([value(logRest)], p), [logRest], p, diagonalRule);
  }
  return w;
}

/** −Σ weight(i, j)·logcosh(y_ij) over the CPC coordinates (1-based i < j), as one node. */
export function weightedLogcoshSum(y: readonly Real[], d: number, weight: (i: number, j: number) => number): Real {
  const weights = new Float64Array(y.length);
  let idx = 0;
  for (let j = 2; j <= d; j++) for (let i = 1; i < j; i++) weights[idx++] = weight(i, j);
  const rule: Recompute = (v, p) => {
    let s = 0;
    for (let k = 0; k < weights.length; k++) {
      s -= weights[k]! * logcosh(v[k]!);
      p[k] = -weights[k]! * Math.tanh(v[k]!);
    }
    return s;
  };
  return nodeByRule(y, rule);
}
