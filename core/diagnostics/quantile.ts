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

/**
 * R's `stats::median` of values in ascending order: the middle one, or the mean of the two middle ones
 * as R's `mean` takes it, (a + b) / 2 rounded once. The type-7 quantile at ½ is ½a + ½b, which drops the
 * last bit of each half of subnormal draws; folded about that median, draws of scale 1e-310 tied
 * differently and their tail R-hat moved by up to 10% from posterior's.
 */
export function medianSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0 || hasNaN(sorted)) return NaN;
  const half = n >> 1;
  if (n % 2 === 1) return sorted[half]!;
  const a = sorted[half - 1]!;
  const b = sorted[half]!;
  const s = a + b;
  // R's long double does not overflow where two doubles near the maximum do.
  return Number.isFinite(s) || !Number.isFinite(a) || !Number.isFinite(b) ? s / 2 : a / 2 + b / 2;
}

export function median(x: ArrayLike<number>): number {
  return medianSorted(sortedCopy(x));
}

/** Median absolute deviation scaled by 1.4826 to estimate σ for normal draws, as R's `stats::mad`. */
export function mad(x: ArrayLike<number>): number {
  return madSorted(sortedCopy(x));
}

/** `mad` of values already in ascending order. */
export function madSorted(sorted: Float64Array): number {
  return 1.4826 * medianSorted(sortedDeviations(sorted, medianSorted(sorted)));
}

/**
 * |x − m| in ascending order, given x in ascending order: the values above m ascend as they are, those
 * below it ascend read backwards, and the two are merged in one pass instead of a sort. A NaN anywhere
 * (last, in sorted values) or an infinite m (whose deviations include ∞ − ∞) makes every deviation NaN.
 */
export function sortedDeviations(sorted: Float64Array, m: number): Float64Array {
  const n = sorted.length;
  const out = new Float64Array(n);
  if (!Number.isFinite(m) || (n > 0 && Number.isNaN(sorted[n - 1]!))) return out.fill(NaN);
  let above = 0;
  while (above < n && sorted[above]! < m) above++;
  let below = above - 1;
  for (let k = 0; k < n; k++) {
    const down = below >= 0 ? Math.abs(sorted[below]! - m) : Infinity;
    const up = above < n ? Math.abs(sorted[above]! - m) : Infinity;
    if (below >= 0 && (above >= n || down <= up)) {
      out[k] = down;
      below--;
    } else {
      out[k] = up;
      above++;
    }
  }
  return out;
}
