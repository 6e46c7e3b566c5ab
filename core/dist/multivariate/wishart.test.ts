import { describe, expect, it } from 'vitest';
import { type Real } from '../../ad/index.js';
import { cholesky, lgamma } from '../../math/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { Wishart, diagonalCovariance, fullCovariance, scaledIdentityCovariance } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

function sym2(a: Real, b: Real, c: Real): Real[] {
  return [a, b, b, c];
}

describe('Wishart log density', () => {
  it.each([
    [3, 2, 1.5],
    [0.5, 1, 0.2],
    [7.3, 0.4, 4],
  ])('for p = 1 is Gamma(ν/2, scale 2s): ν = %d, s = %d at %d', (nu, s, x) => {
    const gamma = (nu / 2 - 1) * Math.log(x) - x / (2 * s) - lgamma(nu / 2) - (nu / 2) * Math.log(2 * s);
    expectClose(Wishart(nu, fullCovariance([s], 1)).logpdf([x]), gamma);
  });

  it.each([1.5, 3, 10])('for p = 2 matches the density written out (ν = %d)', (nu) => {
    // S = [2 0.5; 0.5 1]: |S| = 1.75; X = [1.5 0.3; 0.3 0.8]: |X| = 1.11; tr(S⁻¹X) = 2.8 / 1.75.
    const logmvgamma2 = 0.5 * Math.log(Math.PI) + lgamma(nu / 2) + lgamma(nu / 2 - 0.5);
    const expected = ((nu - 3) / 2) * Math.log(1.11) - 2.8 / 1.75 / 2 - nu * Math.LN2 - (nu / 2) * Math.log(1.75) - logmvgamma2;
    expectClose(Wishart(nu, fullCovariance([2, 0.5, 0.5, 1], 2)).logpdf([1.5, 0.3, 0.3, 0.8]), expected);
  });

  it('a diagonal or scaled-identity S equals the dense one', () => {
    const x = [1.5, 0.3, 0.3, 0.8];
    const dense = Wishart(4, fullCovariance([2, 0, 0, 2], 2)).logpdf(x) as number;
    expectClose(Wishart(4, diagonalCovariance([2, 2])).logpdf(x), dense);
    expectClose(Wishart(4, scaledIdentityCovariance(2, 2)).logpdf(x), dense);
  });

  it('is −∞ for a matrix that is not symmetric positive definite', () => {
    const d = Wishart(3, scaledIdentityCovariance(1, 2));
    expect(d.logpdf([1, 2, 2, 1])).toBe(-Infinity);
    expect(d.logpdf([1, 0.2, 0.3, 1])).toBe(-Infinity);
  });

  it('has pd support and mean ν S', () => {
    const d = Wishart(3, diagonalCovariance([1, 2]));
    expect(d.support()).toEqual({ kind: 'pd', dim: 2 });
    expect(d.mean!()).toEqual([3, 0, 0, 6]);
  });
});

describe('Wishart partials', () => {
  // X and S are built from their free entries (mirror entries share an input): moving one entry alone
  // would leave the symmetric matrices.
  it('X, ν and a full S', () => {
    expectGradientsMatch((t) => Wishart(t[3]!, fullCovariance(sym2(t[4]!, t[5]!, t[6]!), 2)).logpdf(sym2(t[0]!, t[1]!, t[2]!)), [1.5, 0.3, 0.8, 3.5, 2, 0.5, 1]);
  });

  it('X, ν and Diagonal(S)', () => {
    expectGradientsMatch((t) => Wishart(t[3]!, diagonalCovariance(t.slice(4, 6))).logpdf(sym2(t[0]!, t[1]!, t[2]!)), [1.5, -0.3, 0.8, 2.5, 2, 0.5]);
  });

  it('X, ν and σ² * I', () => {
    expectGradientsMatch((t) => Wishart(t[3]!, scaledIdentityCovariance(t[4]!, 2)).logpdf(sym2(t[0]!, t[1]!, t[2]!)), [1.5, -0.3, 0.8, 2.5, 0.7]);
  });

  it('the mean', () => {
    expectGradientsMatch((t) => Wishart(t[0]!, fullCovariance(sym2(t[1]!, t[2]!, t[3]!), 2)).mean!()[1]!, [3, 2, 0.5, 1]);
  });
});

describe('Wishart draws', () => {
  it('are positive definite with mean ν S and Var(Xᵢⱼ) = ν(Sᵢⱼ² + Sᵢᵢ Sⱼⱼ)', () => {
    const rng = Rng.seeded(14);
    const s = [2, 0.5, 0.5, 1];
    const nu = 5;
    const d = Wishart(nu, fullCovariance(s, 2));
    const entries = [new Float64Array(20000), new Float64Array(20000), new Float64Array(20000)];
    let malformed = 0;
    for (let k = 0; k < 20000; k++) {
      const x = d.rand(rng);
      if (x[1] !== x[2] || cholesky(x, 2) === null) malformed++;
      entries[0]![k] = x[0]!;
      entries[1]![k] = x[1]!;
      entries[2]![k] = x[3]!;
    }
    expect(malformed).toBe(0);
    expectMoments(entries[0]!, nu * 2, nu * (4 + 4));
    expectMoments(entries[1]!, nu * 0.5, nu * (0.25 + 2));
    expectMoments(entries[2]!, nu * 1, nu * (1 + 1));
  });
});

describe('Wishart arguments', () => {
  it.each([
    [() => Wishart(1, scaledIdentityCovariance(1, 3)), 'Wishart: degrees of freedom ν must be greater than dim − 1 = 2, got 1'],
    [() => Wishart(3, fullCovariance([1, 2, 2, 1], 2)), 'Wishart: S must be positive definite, but its leading 2×2 minor is not positive'],
    [() => Wishart(3, scaledIdentityCovariance(1)), 'Wishart: the size of S = σ² * I is unknown here; give it as a matrix'],
    [() => Wishart(3, diagonalCovariance([1, 1])).logpdf([1, 0, 1]), 'Wishart: expected a value with 4 elements, got 3'],
  ])('%s', (build, message) => {
    expectArgumentError(build, message);
  });
});
