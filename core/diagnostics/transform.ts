import type { DrawsMatrix } from '../chains/index.js';
import { erfcinv } from '../math/index.js';
import { median } from './quantile.js';

/** The same matrix with every value replaced by f(value). */
export function mapMatrix(x: DrawsMatrix, f: (v: number) => number): DrawsMatrix {
  const data = new Float64Array(x.data.length);
  for (let i = 0; i < data.length; i++) data[i] = f(x.data[i]!);
  return { draws: x.draws, chains: x.chains, data };
}

/** Standard normal quantile. */
export function qnorm(p: number): number {
  return -Math.SQRT2 * erfcinv(2 * p);
}

/**
 * Ranks of all values, ties sharing their average rank (R's `rank(ties.method = "average")`), so that
 * discrete draws keep their number of distinct values. NaN stays NaN and takes no rank.
 */
export function ranks(x: ArrayLike<number>): Float64Array {
  const order: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!)) order.push(i);
  order.sort((a, b) => x[a]! - x[b]! || 0);
  const r = new Float64Array(x.length).fill(NaN);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && x[order[end]!] === x[order[start]!]) end++;
    const average = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) r[order[k]!] = average;
    start = end;
  }
  return r;
}

/**
 * Rank normalisation (Vehtari et al. 2021): ranks over all chains mapped through the normal quantile at
 * Blom's fractional offset, (r − 3/8) / (S + 1/4), S counting every value.
 */
export function zScale(x: DrawsMatrix): DrawsMatrix {
  const r = ranks(x.data);
  const s = r.length;
  for (let i = 0; i < s; i++) r[i] = qnorm((r[i]! - 3 / 8) / (s + 1 / 4));
  return { draws: x.draws, chains: x.chains, data: r };
}

/** Draws folded about their median, |x − median(x)|: a scale mismatch between chains becomes a location one. */
export function foldDraws(x: DrawsMatrix): DrawsMatrix {
  const m = median(x.data);
  return mapMatrix(x, (v) => Math.abs(v - m));
}
