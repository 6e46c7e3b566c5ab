/**
 * Sums and moments with compensated summation and R's two-pass refinement of the mean, so that pooled
 * means and variances agree with R's long-double arithmetic to the last digit or so.
 */

/** Neumaier's compensated sum of term(0) … term(n − 1). */
function compensated(n: number, term: (i: number) => number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = term(i);
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  // A non-finite term leaves the compensation NaN; the plain sum is the right answer then.
  return Number.isFinite(s) ? s + c : s;
}

export function sum(x: ArrayLike<number>): number {
  return compensated(x.length, (i) => x[i]!);
}

/** The arithmetic mean, refined by the mean residual as R's `mean` does; NaN when empty. */
export function mean(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return NaN;
  const m = sum(x) / n;
  if (!Number.isFinite(m)) return m;
  return m + compensated(n, (i) => x[i]! - m) / n;
}

/** Sample variance (denominator n − 1) about `center`, the mean unless given; NaN below two values. */
export function variance(x: ArrayLike<number>, center = mean(x)): number {
  const n = x.length;
  if (n < 2) return NaN;
  return compensated(n, (i) => (x[i]! - center) ** 2) / (n - 1);
}

/** Sample standard deviation (denominator n − 1). */
export function sd(x: ArrayLike<number>): number {
  return Math.sqrt(variance(x));
}
