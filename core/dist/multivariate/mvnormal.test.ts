import { describe, expect, it } from 'vitest';
import { ops, type Real } from '../../ad/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { MvNormal, diagonalCovariance, fullCovariance, scaledIdentityCovariance } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

const LOG2PI = Math.log(2 * Math.PI);

function normalLogpdf(x: number, mu: number, sigma: number): number {
  return -0.5 * LOG2PI - Math.log(sigma) - (0.5 * (x - mu) ** 2) / sigma ** 2;
}

/** The bivariate normal density written out with σ₁, σ₂, ρ. */
function bivariateLogpdf(x: readonly number[], mu: readonly number[], s1: number, s2: number, rho: number): number {
  const a = (x[0]! - mu[0]!) / s1;
  const b = (x[1]! - mu[1]!) / s2;
  const z = a * a - 2 * rho * a * b + b * b;
  return -Math.log(2 * Math.PI * s1 * s2 * Math.sqrt(1 - rho * rho)) - z / (2 * (1 - rho * rho));
}

/** Σ built element by element from σ₁, σ₂, ρ, as a model would: both off-diagonal entries carry ρ. */
function bivariateCov(s1: Real, s2: Real, rho: Real): Real[] {
  const c = ops.mul(rho, ops.mul(s1, s2));
  return [ops.mul(s1, s1), c, c, ops.mul(s2, s2)];
}

describe('MvNormal log density', () => {
  it.each([
    [[0.3, -1.2, 2.0], [0, 0, 1], [1, 0.25, 4]],
    [[5, 5, 5], [-1, 2, 0.5], [0.01, 3, 100]],
  ])('Diagonal(v) at %j equals a sum of univariate normal densities (v are variances)', (x, mu, v) => {
    const expected = x.reduce((s, xi, i) => s + normalLogpdf(xi, mu[i]!, Math.sqrt(v[i]!)), 0);
    expectClose(MvNormal(mu, diagonalCovariance(v)).logpdf(x), expected);
  });

  it.each([
    [[0.5, -0.3], [0, 0], 1, 1, 0.5],
    [[2.1, 0.4], [1, -1], 0.7, 2.5, -0.9],
    [[-3, 3], [0.2, 0.1], 3, 0.2, 0.05],
  ])('a full 2×2 Σ at %j matches the bivariate formula', (x, mu, s1, s2, rho) => {
    const d = MvNormal(mu, fullCovariance(bivariateCov(s1, s2, rho), 2));
    expectClose(d.logpdf(x), bivariateLogpdf(x, mu, s1, s2, rho));
  });

  it('σ² * I takes its size from μ and equals the diagonal form', () => {
    const x = [0.1, 0.2, -0.7, 1.4];
    const mu = [0, 1, 0, -1];
    expectClose(MvNormal(mu, scaledIdentityCovariance(2.5)).logpdf(x), MvNormal(mu, diagonalCovariance([2.5, 2.5, 2.5, 2.5])).logpdf(x) as number);
  });

  it('MvNormal(Σ) has zero mean', () => {
    const cov = fullCovariance([2, 0.3, 0.3, 1], 2);
    expectClose(MvNormal(cov).logpdf([0.4, -0.2]), MvNormal([0, 0], cov).logpdf([0.4, -0.2]) as number);
    expect(MvNormal(cov).mean!()).toEqual([0, 0]);
  });

  it('matches a published value: logpdf(MvNormal([1, 2], [2 1; 1 2]), [0.5, 1.5]) (SciPy multivariate_normal.logpdf)', () => {
    // −log(2π) − ½ log 3 − ½ · (1/3)(2·0.25 − 2·0.25 + 2·0.25) = −1.837877066 − 0.549306144 − 0.083333333
    expectClose(MvNormal([1, 2], fullCovariance([2, 1, 1, 2], 2)).logpdf([0.5, 1.5]), -LOG2PI - 0.5 * Math.log(3) - 1 / 12);
  });
});

describe('MvNormal partials', () => {
  it('full Σ built elementwise: x, μ, σ₁, σ₂, ρ', () => {
    expectGradientsMatch(([x1, x2, m1, m2, s1, s2, rho]) => MvNormal([m1!, m2!], fullCovariance(bivariateCov(s1!, s2!, rho!), 2)).logpdf([x1!, x2!]), [0.7, -1.1, 0.2, 0.3, 1.3, 0.6, -0.4]);
  });

  it('full 3×3 Σ = A Aᵀ + I from free entries', () => {
    expectGradientsMatch((t) => {
      const a = t.slice(0, 9);
      const sigma: Real[] = [];
      for (let j = 0; j < 3; j++) {
        for (let i = 0; i < 3; i++) {
          let s: Real = i === j ? 1 : 0;
          for (let k = 0; k < 3; k++) s = ops.add(s, ops.mul(a[i + 3 * k]!, a[j + 3 * k]!));
          sigma.push(s);
        }
      }
      return MvNormal(t.slice(9, 12), fullCovariance(sigma, 3)).logpdf(t.slice(12, 15));
    }, [0.5, 0.1, -0.3, 0.2, 0.8, 0.1, -0.4, 0.3, 0.9, 0, 1, -1, 0.3, 0.2, -0.5]);
  });

  it('Diagonal(v): x, μ, v', () => {
    expectGradientsMatch((t) => MvNormal(t.slice(2, 4), diagonalCovariance(t.slice(4, 6))).logpdf(t.slice(0, 2)), [0.4, -2, 1, 0.5, 0.3, 2.2]);
  });

  it('σ² * I: x, μ, σ²', () => {
    expectGradientsMatch((t) => MvNormal(t.slice(3, 6), scaledIdentityCovariance(t[6]!)).logpdf(t.slice(0, 3)), [0.4, -2, 1, 0.5, 0.3, 2.2, 1.7]);
  });

  it('returns a plain number when nothing is AD', () => {
    expect(typeof MvNormal([0, 0], scaledIdentityCovariance(1)).logpdf([1, 2])).toBe('number');
  });
});

describe('MvNormal draws', () => {
  it('have mean μ and covariance Σ', () => {
    const rng = Rng.seeded(11);
    const d = MvNormal([1, -2], fullCovariance([4, 1.2, 1.2, 1], 2));
    const n = 20000;
    const x1 = new Float64Array(n);
    const x2 = new Float64Array(n);
    const prod = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const x = d.rand(rng);
      x1[k] = x[0]!;
      x2[k] = x[1]!;
      prod[k] = (x[0]! - 1) * (x[1]! + 2);
    }
    expectMoments(x1, 1, 4);
    expectMoments(x2, -2, 1);
    // E[(x₁ − μ₁)(x₂ − μ₂)] = Σ₁₂, with variance Σ₁₁Σ₂₂ + Σ₁₂².
    expectMoments(prod, 1.2, 4 * 1 + 1.2 * 1.2);
  });
});

describe('MvNormal arguments', () => {
  const cases: [string, () => unknown, string][] = [
    ['non-symmetric Σ', () => MvNormal([0, 0], fullCovariance([1, 0.5, 0.4, 1], 2)), 'MvNormal: Σ must be positive definite, but it is not symmetric: Σ[2, 1] = 0.5 and Σ[1, 2] = 0.4'],
    ['indefinite Σ', () => MvNormal([0, 0], fullCovariance([1, 2, 2, 1], 2)), 'MvNormal: Σ must be positive definite, but its leading 2×2 minor is not positive'],
    ['negative variance', () => MvNormal([0, 0], diagonalCovariance([1, -1])), 'MvNormal: Σ must be positive definite, but variance v[2] of Diagonal(v) is -1'],
    ['zero σ²', () => MvNormal([0, 0], scaledIdentityCovariance(0)), 'MvNormal: Σ must be positive definite, but σ² in σ² * I is 0'],
    ['sizes disagree', () => MvNormal([0, 0, 0], diagonalCovariance([1, 1])), 'MvNormal: μ has length 3 but Σ is 2×2'],
    ['σ² * I without μ', () => MvNormal(scaledIdentityCovariance(1)), 'MvNormal: the size of Σ = σ² * I is unknown here; give it as a matrix'],
    ['ragged Σ', () => MvNormal([0, 0], fullCovariance([1, 0, 1], 2)), 'MvNormal: Σ must be a square matrix, got 3 entries for 2×2'],
    ['a value of the wrong length', () => MvNormal([0, 0], scaledIdentityCovariance(1)).logpdf([1]), 'MvNormal: expected a value with 2 elements, got 1'],
  ];
  it.each(cases)('%s', (_name, build, message) => {
    expectArgumentError(build, message);
  });

  it('tolerates rounding-level asymmetry', () => {
    expect(() => MvNormal([0, 0], fullCovariance([1, 0.3, 0.3 + 1e-14, 1], 2))).not.toThrow();
  });
});
