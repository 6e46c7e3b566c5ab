import type { DrawsMatrix } from '../chains/index.js';
import { median, sortedCopy } from './quantile.js';
import { qnorm } from './qnorm.js';

/** The same matrix with every value replaced by f(value). */
export function mapMatrix(x: DrawsMatrix, f: (v: number) => number): DrawsMatrix {
  const data = new Float64Array(x.data.length);
  for (let i = 0; i < data.length; i++) data[i] = f(x.data[i]!);
  return { draws: x.draws, chains: x.chains, data };
}

/**
 * Ranks of all values, ties sharing their average rank (R's `rank(ties.method = "average")`), so that
 * discrete draws keep their number of distinct values. NaN stays NaN and takes no rank. `sorted`, when
 * given, holds the same values in ascending order.
 */
export function ranks(x: ArrayLike<number>, sorted: Float64Array = sortedCopy(x)): Float64Array {
  // A native sort of the values and a search per value: sorting indices with a comparator was most of a
  // live summary's time (100 parameters × 2,400 draws, three rankings each, every second).
  let ranked = sorted.length;
  while (ranked > 0 && Number.isNaN(sorted[ranked - 1]!)) ranked--;
  const r = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (Number.isNaN(v)) {
      r[i] = NaN;
      continue;
    }
    const first = searchSorted(sorted, ranked, v, 'left');
    const end = first + 1 < ranked && sorted[first + 1] === v ? searchSorted(sorted, ranked, v, 'right') : first + 1;
    r[i] = (first + 1 + end) / 2;
  }
  return r;
}

/**
 * Where v goes in ascending `sorted[0 … n)`, as NumPy's searchsorted: before its equals (`left`) or after
 * them (`right`).
 */
function searchSorted(sorted: Float64Array, n: number, v: number, side: 'left' | 'right'): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v || (side === 'right' && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Normal quantiles of the whole ranks 1…S at Blom's offsets, kept for the size last asked for. */
let blomScores: Float64Array = new Float64Array(0);

function blomScore(rank: number, s: number): number {
  return qnorm((rank - 3 / 8) / (s + 1 / 4));
}

/**
 * Rank normalisation (Vehtari et al. 2021): ranks over all chains mapped through the normal quantile at
 * Blom's fractional offset, (r − 3/8) / (S + 1/4), S counting every value. `sorted` as for `ranks`.
 */
export function zScale(x: DrawsMatrix, sorted?: Float64Array): DrawsMatrix {
  const r = ranks(x.data, sorted);
  const s = r.length;
  // A summary ranks every variable at the same S: the quantiles of whole ranks are computed once.
  if (blomScores.length !== s) blomScores = Float64Array.from({ length: s }, (_, k) => blomScore(k + 1, s));
  for (let i = 0; i < s; i++) {
    const rank = r[i]!;
    r[i] = Number.isInteger(rank) ? blomScores[rank - 1]! : blomScore(rank, s);
  }
  return { draws: x.draws, chains: x.chains, data: r };
}

/** Draws folded about their median, |x − median(x)|: a scale mismatch between chains becomes a location one. */
export function foldDraws(x: DrawsMatrix, m = median(x.data)): DrawsMatrix {
  return mapMatrix(x, (v) => Math.abs(v - m));
}
