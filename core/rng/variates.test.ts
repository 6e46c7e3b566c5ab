import { describe, expect, it } from 'vitest';
import { besselI0e, besselI1e, lgamma } from '../math/index.js';
import { expectMoments, sample } from '../testing/moments.js';
import { Rng, randBeta, randBinomial, randCategorical, randChisq, randGamma, randNegativeBinomial, randPoisson, randTDist, randVonMises } from './index.js';

const N = 40000;

/** Every k's observed count is within 5 binomial standard deviations of n·pmf(k). */
function expectFrequencies(xs: Float64Array, logpmf: (k: number) => number, ks: readonly number[]): void {
  const n = xs.length;
  for (const k of ks) {
    let count = 0;
    for (const x of xs) if (x === k) count++;
    const p = Math.exp(logpmf(k));
    expect(Math.abs(count - n * p), `count of ${k}`).toBeLessThanOrEqual(5 * Math.sqrt(n * p * (1 - p)) + 1);
  }
}

describe('randGamma', () => {
  it.each([
    [0.05, 2],
    [0.5, 1],
    [1, 3],
    [2.5, 0.5],
    [100, 1],
  ])('shape %d, scale %d has mean αθ and variance αθ²', (a, s) => {
    const rng = Rng.seeded(1);
    expectMoments(sample(N, () => randGamma(rng, a, s)), a * s, a * s * s);
  });

  it('stays positive and finite for a tiny shape', () => {
    const rng = Rng.seeded(2);
    const xs = sample(1000, () => randGamma(rng, 0.001, 1));
    expect(xs.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
  });
});

describe('randBeta', () => {
  it.each([
    [0.5, 0.5],
    [2, 5],
    [30, 3],
  ])('Beta(%d, %d) moments', (a, b) => {
    const rng = Rng.seeded(3);
    const m = a / (a + b);
    expectMoments(sample(N, () => randBeta(rng, a, b)), m, (m * (1 - m)) / (a + b + 1));
  });

  it('gives values in [0, 1], not NaN, for tiny shapes', () => {
    const rng = Rng.seeded(4);
    const xs = sample(1000, () => randBeta(rng, 0.001, 0.002));
    expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
  });
});

describe('randChisq and randTDist', () => {
  it('χ²(ν) has mean ν, variance 2ν', () => {
    const rng = Rng.seeded(5);
    expectMoments(sample(N, () => randChisq(rng, 3.5)), 3.5, 7);
  });

  it('t(ν) has mean 0, variance ν/(ν−2)', () => {
    const rng = Rng.seeded(6);
    expectMoments(sample(N, () => randTDist(rng, 10)), 0, 10 / 8);
  });
});

describe('randPoisson', () => {
  it.each([0.1, 3, 9.9, 10, 45, 1e6])('λ = %d has mean and variance λ', (lambda) => {
    const rng = Rng.seeded(7);
    const xs = sample(N, () => randPoisson(rng, lambda));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expectMoments(xs, lambda, lambda);
  });

  it('matches the pmf point by point on both sides of the algorithm switch', () => {
    for (const lambda of [4, 30]) {
      const rng = Rng.seeded(8);
      const xs = sample(N, () => randPoisson(rng, lambda));
      const ks = Array.from({ length: 20 }, (_, i) => Math.round(lambda - 10 + i));
      expectFrequencies(xs, (k) => -lambda + k * Math.log(lambda) - lgamma(k + 1), ks.filter((k) => k >= 0));
    }
  });
});

describe('randBinomial', () => {
  it.each([
    [1, 0.3],
    [20, 0.1],
    [100, 0.3],
    [100, 0.95],
    [1e7, 0.5],
    [1e9, 1e-8],
  ])('n = %d, p = %d has mean np and variance np(1−p)', (n, p) => {
    const rng = Rng.seeded(9);
    const xs = sample(N, () => randBinomial(rng, n, p));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
    expectMoments(xs, n * p, n * p * (1 - p));
  });

  it('matches the pmf point by point under BTRS', () => {
    const [n, p] = [100, 0.3];
    const rng = Rng.seeded(10);
    const xs = sample(N, () => randBinomial(rng, n, p));
    const logpmf = (k: number) => lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p);
    expectFrequencies(xs, logpmf, Array.from({ length: 21 }, (_, i) => 20 + i));
  });

  it('handles the edges exactly', () => {
    const rng = Rng.seeded(11);
    expect(randBinomial(rng, 0, 0.5)).toBe(0);
    expect(randBinomial(rng, 7, 0)).toBe(0);
    expect(randBinomial(rng, 7, 1)).toBe(7);
  });
});

describe('randNegativeBinomial', () => {
  it.each([
    [1, 0.5],
    [2.5, 0.2],
    [40, 0.9],
  ])('r = %d, p = %d has mean r(1−p)/p and variance r(1−p)/p²', (r, p) => {
    const rng = Rng.seeded(12);
    expectMoments(sample(N, () => randNegativeBinomial(rng, r, p)), (r * (1 - p)) / p, (r * (1 - p)) / (p * p));
  });
});

describe('randCategorical', () => {
  it('draws 0-based indices with the given probabilities, never a zero-weight one', () => {
    const p = [0.2, 0, 0.5, 0.3];
    const rng = Rng.seeded(13);
    const xs = sample(N, () => randCategorical(rng, p));
    expectFrequencies(xs, (k) => Math.log(p[k]!), [0, 2, 3]);
    expect(xs.includes(1)).toBe(false);
  });
});

describe('randVonMises', () => {
  it.each([1e-6, 0.5, 2.5, 500])('κ = %d stays in [μ − π, μ + π] with E cos(x − μ) = I₁(κ)/I₀(κ)', (kappa) => {
    const rng = Rng.seeded(14);
    const xs = sample(N, () => randVonMises(rng, 1, kappa));
    expect(xs.every((x) => x >= 1 - Math.PI && x <= 1 + Math.PI)).toBe(true);
    const a = besselI1e(kappa) / besselI0e(kappa);
    // cos(x − μ) has mean A = I₁/I₀ and variance 1 − A/κ − A² (E cos² = (1 + I₂/I₀)/2, I₂ = I₀ − 2I₁/κ).
    expectMoments(xs.map((x) => Math.cos(x - 1)), a, 1 - a / kappa - a * a);
  });
});
