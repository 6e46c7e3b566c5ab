import gammalnImpl from '@stdlib/math-base-special-gammaln';
import gammaImpl from '@stdlib/math-base-special-gamma';
import digammaImpl from '@stdlib/math-base-special-digamma';
import trigammaImpl from '@stdlib/math-base-special-trigamma';
import erfImpl from '@stdlib/math-base-special-erf';
import erfcImpl from '@stdlib/math-base-special-erfc';
import erfcinvImpl from '@stdlib/math-base-special-erfcinv';
import gammaincImpl from '@stdlib/math-base-special-gammainc';
import gammaincinvImpl from '@stdlib/math-base-special-gammaincinv';
import betaincImpl from '@stdlib/math-base-special-betainc';
import betaincinvImpl from '@stdlib/math-base-special-betaincinv';
import betalnImpl from '@stdlib/math-base-special-betaln';

/** Special functions from the @stdlib packages, under Julia's (SpecialFunctions.jl) names and argument order. */

export const lgamma: (x: number) => number = gammalnImpl;
export const gamma: (x: number) => number = gammaImpl;
export const digamma: (x: number) => number = digammaImpl;
export const trigamma: (x: number) => number = trigammaImpl;
export const erf: (x: number) => number = erfImpl;
export const erfc: (x: number) => number = erfcImpl;
export const erfcinv: (x: number) => number = erfcinvImpl;
export const lbeta: (a: number, b: number) => number = betalnImpl;

export function beta(a: number, b: number): number {
  return Math.exp(lbeta(a, b));
}

/** Regularised lower incomplete gamma P(a, x). */
export function gammaP(a: number, x: number): number {
  return gammaincImpl(x, a, true, false);
}

/** Regularised upper incomplete gamma Q(a, x). */
export function gammaQ(a: number, x: number): number {
  return gammaincImpl(x, a, true, true);
}

/** x such that P(a, x) = p. */
export function gammaPInv(a: number, p: number): number {
  return gammaincinvImpl(p, a, false);
}

/** Regularised incomplete beta I_x(a, b). */
export function betaI(a: number, b: number, x: number): number {
  return betaincImpl(x, a, b, true, false);
}

/** Complement 1 − I_x(a, b), accurate where I_x is close to 1. */
export function betaIc(a: number, b: number, x: number): number {
  return betaincImpl(x, a, b, true, true);
}

/** x such that I_x(a, b) = p. */
export function betaIInv(a: number, b: number, p: number): number {
  return betaincinvImpl(p, a, b, false);
}

/**
 * ψ⁽ⁿ⁾(x) for n ≥ 1 (trigamma, tetragamma, …): recurrence up to x ≥ 20, then the asymptotic series.
 * Needed only for derivatives of trigamma, so modest n.
 */
export function polygamma(n: number, x: number): number {
  if (n === 0) return digamma(x);
  if (!Number.isInteger(n) || n < 0) return NaN;
  if (x <= 0 && Number.isInteger(x)) return NaN;
  const sign = n % 2 === 1 ? 1 : -1;
  const nFact = Math.exp(lgamma(n + 1));
  let acc = 0;
  let y = x;
  // ψ⁽ⁿ⁾(x) = ψ⁽ⁿ⁾(x + 1) + (-1)^(n+1) n! / x^(n+1)
  while (y < 20) {
    acc += sign * nFact / Math.pow(y, n + 1);
    y += 1;
  }
  // Asymptotic: (-1)^(n+1) [ (n-1)!/y^n + n!/(2 y^(n+1)) + Σ B_2k (2k+n-1)!/((2k)! y^(2k+n)) ]
  const bernoulli = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6];
  let series = Math.exp(lgamma(n)) / Math.pow(y, n) + nFact / (2 * Math.pow(y, n + 1));
  for (let k = 1; k <= bernoulli.length; k++) {
    series += bernoulli[k - 1]! * Math.exp(lgamma(2 * k + n) - lgamma(2 * k + 1)) / Math.pow(y, 2 * k + n);
  }
  return acc + sign * series;
}
