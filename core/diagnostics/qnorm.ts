/**
 * The standard normal quantile by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988), the
 * one R's `qnorm` uses, evaluated in the same order so that each value is R's to the bit. The rank
 * normalisation of R-hat and bulk ESS feeds these quantiles into chain means: where the ranks within a
 * chain are all equal (chains stuck at different values) R-hat is a rounding residue of those means, and
 * `-√2·erfcinv(2p)`, one ulp off R in two of three ranks, made it differ from posterior's by 10 to 30%.
 */

/** Numerator and denominator coefficients of each range, highest power first; the denominators end in 1. */
const CENTRAL = {
  num: [2509.0809287301226727, 33430.575583588128105, 67265.770927008700853, 45921.953931549871457, 13731.693765509461125, 1971.5909503065514427, 133.14166789178437745, 3.387132872796366608],
  den: [5226.495278852854561, 28729.085735721942674, 39307.89580009271061, 21213.794301586595867, 5394.1960214247511077, 687.1870074920579083, 42.313330701600911252, 1],
};
const INTERMEDIATE = {
  num: [7.7454501427834140764e-4, 0.0227238449892691845833, 0.24178072517745061177, 1.27045825245236838258, 3.64784832476320460504, 5.7694972214606914055, 4.6303378461565452959, 1.42343711074968357734],
  den: [1.05075007164441684324e-9, 5.475938084995344946e-4, 0.0151986665636164571966, 0.14810397642748007459, 0.68976733498510000455, 1.6763848301838038494, 2.05319162663775882187, 1],
};
const FAR = {
  num: [2.01033439929228813265e-7, 2.71155556874348757815e-5, 0.0012426609473880784386, 0.026532189526576123093, 0.29656057182850489123, 1.7848265399172913358, 5.4637849111641143699, 6.6579046435011037772],
  den: [2.04426310338993978564e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.868691311456132591e-4, 0.0148753612908506148525, 0.13692988092273580531, 0.59983220655588793769, 1],
};

/** The polynomial with these coefficients, highest power first, at r, by Horner's rule. */
function horner(coefficients: readonly number[], r: number): number {
  let v = coefficients[0]!;
  for (let k = 1; k < coefficients.length; k++) v = v * r + coefficients[k]!;
  return v;
}

export function qnorm(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    // (q · numerator) / denominator, in R's order: q · (numerator / denominator) rounds differently.
    return (q * horner(CENTRAL.num, r)) / horner(CENTRAL.den, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const { num, den } = r <= 5 ? INTERMEDIATE : FAR;
  const s = r <= 5 ? r - 1.6 : r - 5;
  const v = horner(num, s) / horner(den, s);
  return q < 0 ? -v : v;
}
