/** R's most: digits beyond are the double's rounding, not the draws'. */
const MAX_DIGITS = 15;

/**
 * A location estimate (a mean, median or quantile) written to the decimals that show two significant digits
 * of its posterior sd, the digits that vary between draws, where four significant digits do not: they made
 * 1e8 + N(0, 1e-4) draws' mean and q5 both `1.000e+8`, here `100000000.00000` and `99999999.99983` (the
 * mean's MCSE about 2e-6). Decimals rather than significant digits, so that a value rounding up to the next
 * power of ten keeps its column's resolution; at most R's fifteen digits. Undefined where four significant
 * digits already show it, for the caller's usual format.
 */
export function locationText(v: number, sd: number): string | undefined {
  if (!Number.isFinite(v) || !(sd > 0 && sd < Infinity) || v === 0) return undefined;
  const magnitude = Math.floor(Math.log10(Math.abs(v)));
  const decimals = 1 - Math.floor(Math.log10(sd));
  if (magnitude + decimals + 1 <= 4) return undefined;
  if (magnitude >= MAX_DIGITS) return v.toPrecision(MAX_DIGITS);
  return v.toFixed(Math.max(0, Math.min(decimals, MAX_DIGITS - magnitude - 1)));
}
