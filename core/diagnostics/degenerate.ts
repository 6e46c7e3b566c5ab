/**
 * posterior's `should_return_NA`: a diagnostic of draws with a NaN or an infinity, or of draws that are all
 * equal (to within machine epsilon, absolutely), is NaN; its formulas would divide by zero or mean nothing.
 * So is one of no draws at all.
 */
export function isDegenerate(x: ArrayLike<number>): boolean {
  if (x.length === 0) return true;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (!Number.isFinite(v)) return true;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return Math.abs(hi - lo) < Number.EPSILON;
}
