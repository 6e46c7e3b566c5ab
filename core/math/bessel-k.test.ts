import { describe, expect, it } from 'vitest';
import { besselK, besselKBelowScaled, besselKScaled, logBesselK } from './index.js';

/**
 * Kᵥ(x) = ∫₀^∞ e^(−x cosh t) cosh(νt) dt by the trapezoidal rule, which converges geometrically for this
 * analytic, doubly-exponentially decaying integrand: an independent definition to check the series against.
 */
function byIntegral(nu: number, x: number): number {
  const h = 0.005;
  let sum = 0.5 * Math.exp(-x);
  for (let t = h; t < 40; t += h) {
    const term = Math.exp(-x * Math.cosh(t)) * Math.cosh(nu * t);
    sum += term;
    if (term < 1e-300) break;
  }
  return sum * h;
}

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('Bessel K of real order', () => {
  const orders = [0, 0.2, 0.5, 0.7, 1, 1.5, 2, 2.3, 3.7, 7.5, 12];
  const xs = [1e-3, 0.05, 0.7, 1.99, 2, 2.01, 5, 17, 60];

  it.each(orders)('K_%d matches its integral on both sides of the series / continued-fraction switch at x = 2', (nu) => {
    // 5e-13: the integral's few thousand terms round that much at high order and small x, where its mass spreads out.
    for (const x of xs) expect(rel(besselK(nu, x), byIntegral(nu, x)), `x = ${x}`).toBeLessThan(5e-13);
  });

  it('matches tabulated values (Abramowitz & Stegun 9.8) and the half-integer closed forms', () => {
    expect(rel(besselK(0, 1), 0.42102443824070834)).toBeLessThan(1e-15);
    expect(rel(besselK(1, 1), 0.60190723019723457)).toBeLessThan(1e-15);
    for (const x of [0.3, 2, 9]) {
      const half = Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x);
      expect(rel(besselK(2.5, x), half * (1 + 3 / x + 3 / (x * x)))).toBeLessThan(1e-14);
    }
  });

  it('is even in its order, and scaled by eˣ it stays finite where K underflows', () => {
    expect(besselK(-2.3, 1.4)).toBe(besselK(2.3, 1.4));
    // K_ν(x) eˣ ~ √(π/2x) (1 + (4ν² − 1)/8x + (4ν² − 1)(4ν² − 9)/(2 (8x)²) + …) for large x.
    const x = 900;
    const m = 4 * 1.3 * 1.3;
    const asymptotic = Math.sqrt(Math.PI / (2 * x)) * (1 + (m - 1) / (8 * x) + ((m - 1) * (m - 9)) / (2 * (8 * x) ** 2) + ((m - 1) * (m - 9) * (m - 25)) / (6 * (8 * x) ** 3));
    expect(besselK(1.3, x)).toBe(0);
    expect(rel(besselKScaled(1.3, x), asymptotic)).toBeLessThan(1e-12);
    expect(logBesselK(1.3, x)).toBeCloseTo(Math.log(asymptotic) - x, 10);
  });

  it('gives K_(ν−1) beside K_ν, through K’s symmetry in its order for ν < ½', () => {
    for (const nu of [0.2, 0.5, 1.7]) {
      const [below, at] = besselKBelowScaled(nu, 0.9);
      expect(rel(below * Math.exp(-0.9), byIntegral(nu - 1, 0.9))).toBeLessThan(1e-13);
      expect(rel(at * Math.exp(-0.9), byIntegral(nu, 0.9))).toBeLessThan(1e-13);
    }
  });

  it('is infinite at 0 and NaN off its domain', () => {
    expect(besselK(1, 0)).toBe(Infinity);
    expect(besselK(1, -1)).toBeNaN();
    expect(besselK(1, NaN)).toBeNaN();
  });
});
