import { erfc, erfcinv } from './special.js';

/** The LogExpFunctions.jl / StatsFuns.jl helpers, written for accuracy in the tails. */

export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** log(1 + eˣ) */
export function log1pexp(x: number): number {
  if (x <= -37) return Math.exp(x);
  if (x <= 18) return Math.log1p(Math.exp(x));
  if (x <= 33.3) return x + Math.exp(-x);
  return x;
}

/** log(1 − eˣ) for x ≤ 0 */
export function log1mexp(x: number): number {
  return x < -Math.LN2 ? Math.log1p(-Math.exp(x)) : Math.log(-Math.expm1(x));
}

/** log(eᵃ + eᵇ) */
export function logaddexp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** log(eᵃ − eᵇ), a ≥ b */
export function logsubexp(a: number, b: number): number {
  if (b === -Infinity) return a;
  return a + log1mexp(b - a);
}

export function logsumexp(xs: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) m = Math.max(m, xs[i]!);
  if (m === -Infinity || m === Infinity) return m;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.exp(xs[i]! - m);
  return m + Math.log(s);
}

export function softmax(xs: ArrayLike<number>): Float64Array {
  const lse = logsumexp(xs);
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = Math.exp(xs[i]! - lse);
  return out;
}

/** Standard normal cdf Φ(x) */
export function normcdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Standard normal complementary cdf 1 − Φ(x) */
export function normccdf(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

/** log Φ(x), accurate far into the lower tail (continued-fraction asymptotics below −20). */
export function normlogcdf(x: number): number {
  if (x > -20) {
    return x > 0 ? Math.log1p(-0.5 * erfc(x / Math.SQRT2)) : Math.log(0.5 * erfc(-x / Math.SQRT2));
  }
  // log Φ(x) ≈ −x²/2 − log(−x) − log √(2π) + log(1 − 1/x² + 3/x⁴ − 15/x⁶ + 105/x⁸)
  const x2 = x * x;
  const series = 1 - 1 / x2 + 3 / (x2 * x2) - 15 / (x2 * x2 * x2) + 105 / (x2 * x2 * x2 * x2);
  return -0.5 * x2 - Math.log(-x) - 0.5 * Math.log(2 * Math.PI) + Math.log(series);
}

/** log(1 − Φ(x)) */
export function normlogccdf(x: number): number {
  return normlogcdf(-x);
}

/** Φ⁻¹(p) */
export function norminvcdf(p: number): number {
  return -Math.SQRT2 * erfcinv(2 * p);
}

export const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
