/**
 * Quantiles by R's type 7 (the default of `stats::quantile`, `posterior::quantile2`, NumPy and Julia's
 * `Statistics.quantile`). Any NaN makes every quantile NaN, as in `quantile2`, rather than an exception.
 */

export function sortedCopy(x: ArrayLike<number>): Float64Array {
  return Float64Array.from(x).sort();
}

function hasNaN(x: ArrayLike<number>): boolean {
  for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i]!)) return true;
  return false;
}

/** Type-7 quantile of already sorted values, written as R writes it so ties and thresholds match bit for bit. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1) || hasNaN(sorted)) return NaN;
  // 1-based as in R: the rounding of 1 + (n − 1)p decides h in the last bits.
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const qLo = sorted[lo - 1]!;
  const qHi = sorted[Math.ceil(index) - 1]!;
  if (index > lo && qHi !== qLo) {
    const h = index - lo;
    return (1 - h) * qLo + h * qHi;
  }
  return qLo;
}

export function quantile(x: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedCopy(x), p);
}

/** Several quantiles with one sort. */
export function quantiles(x: ArrayLike<number>, probs: readonly number[]): number[] {
  const sorted = sortedCopy(x);
  return probs.map((p) => quantileSorted(sorted, p));
}

export function median(x: ArrayLike<number>): number {
  return quantile(x, 0.5);
}

/** Median absolute deviation scaled by 1.4826 to estimate σ for normal draws, as R's `stats::mad`. */
export function mad(x: ArrayLike<number>): number {
  const m = median(x);
  const dev = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) dev[i] = Math.abs(x[i]! - m);
  return 1.4826 * median(dev);
}
