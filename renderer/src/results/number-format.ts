const FOUR_SIGNIFICANT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4, useGrouping: false });

/** A value to four significant digits; very small or large ones in exponent form, so columns stay narrow. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const size = Math.abs(x);
  if (size !== 0 && (size < 1e-3 || size >= 1e6)) return x.toExponential(3);
  return FOUR_SIGNIFICANT.format(x);
}

/** A Pareto k to two decimals, as loo prints it; the ∞ of a tail too flat to fit as ∞, not "Infinity". */
export function formatK(k: number): string {
  return Number.isFinite(k) ? k.toFixed(2) : formatNumber(k);
}

/** ESS is a count of draws: shown whole. */
export function formatCount(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x)) : formatNumber(x);
}

/** R-hat matters in its third decimal (the threshold is 1.01). */
export function formatRhat(x: number): string {
  // Chains stuck in different places reach 1e14: its significant digits, as R prints it, not fifteen integer digits.
  return Number.isFinite(x) && Math.abs(x) < 1000 ? x.toFixed(3) : formatNumber(x);
}
