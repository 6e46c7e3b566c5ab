import { describe, expect, it } from 'vitest';
import { type Real } from '../../ad/index.js';
import { cholesky, inverseFromCholesky, lgamma } from '../../math/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { InverseWishart, Wishart, diagonalCovariance, fullCovariance, scaledIdentityCovariance } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

function sym2(a: Real, b: Real, c: Real): Real[] {
  return [a, b, b, c];
}

function inverse(m: readonly number[], n: number): number[] {
  return Array.from(inverseFromCholesky(cholesky(m, n)!, n));
}

describe('InverseWishart log density', () => {
  it.each([
    [3, 2, 1.5],
    [0.5, 1, 0.2],
    [7.3, 0.4, 4],
  ])('for p = 1 is InverseGamma(ν/2, s/2): ν = %d, s = %d at %d', (nu, s, x) => {
    const invgamma = (nu / 2) * Math.log(s / 2) - lgamma(nu / 2) - (nu / 2 + 1) * Math.log(x) - s / (2 * x);
    expectClose(InverseWishart(nu, fullCovariance([s], 1)).logpdf([x]), invgamma);
  });

  it.each([
    [2.5, [1.5, 0.3, 0.3, 0.8]],
    [6, [0.4, -0.1, -0.1, 2]],
  ])('is Wishart(ν, Ψ⁻¹) at X⁻¹ times the inversion Jacobian |X|^−(p+1) (ν = %d)', (nu, x) => {
    const psi = [2, 0.5, 0.5, 1];
    const det = x[0]! * x[3]! - x[1]! * x[2]!;
    const viaWishart = (Wishart(nu, fullCovariance(inverse(psi, 2), 2)).logpdf(inverse(x, 2)) as number) - 3 * Math.log(det);
    expectClose(InverseWishart(nu, fullCovariance(psi, 2)).logpdf(x), viaWishart);
  });

  it('a diagonal Ψ equals the dense one', () => {
    const x = [1.5, 0.3, 0.3, 0.8];
    expectClose(InverseWishart(4, diagonalCovariance([2, 3])).logpdf(x), InverseWishart(4, fullCovariance([2, 0, 0, 3], 2)).logpdf(x) as number);
  });

  it('is −∞ for a matrix that is not positive definite', () => {
    expect(InverseWishart(3, scaledIdentityCovariance(1, 2)).logpdf([1, 2, 2, 1])).toBe(-Infinity);
  });

  it('has pd support and mean Ψ/(ν − p − 1), NaN where it does not exist', () => {
    expect(InverseWishart(5, diagonalCovariance([1, 2])).mean!()).toEqual([0.5, 0, 0, 1]);
    expect(InverseWishart(3, diagonalCovariance([1, 2])).mean!().every((m) => Number.isNaN(m))).toBe(true);
    expect(InverseWishart(3, diagonalCovariance([1, 2])).support()).toEqual({ kind: 'pd', dim: 2 });
  });
});

describe('InverseWishart partials', () => {
  it('X, ν and a full Ψ', () => {
    expectGradientsMatch((t) => InverseWishart(t[3]!, fullCovariance(sym2(t[4]!, t[5]!, t[6]!), 2)).logpdf(sym2(t[0]!, t[1]!, t[2]!)), [1.5, 0.3, 0.8, 3.5, 2, 0.5, 1]);
  });

  it('X, ν and Diagonal(Ψ)', () => {
    expectGradientsMatch((t) => InverseWishart(t[3]!, diagonalCovariance(t.slice(4, 6))).logpdf(sym2(t[0]!, t[1]!, t[2]!)), [1.5, -0.3, 0.8, 2.5, 2, 0.5]);
  });

  it('X, ν and σ² * I', () => {
    expectGradientsMatch((t) => InverseWishart(t[3]!, scaledIdentityCovariance(t[4]!, 2)).logpdf(sym2(t[0]!, t[1]!, t[2]!)), [1.5, -0.3, 0.8, 2.5, 0.7]);
  });

  it('the mean', () => {
    expectGradientsMatch((t) => InverseWishart(t[0]!, fullCovariance(sym2(t[1]!, t[2]!, t[3]!), 2)).mean!()[1]!, [6, 2, 0.5, 1]);
  });
});

describe('InverseWishart draws', () => {
  it('have mean Ψ/(ν − p − 1) and Var(Xᵢᵢ) = 2Ψᵢᵢ²/((ν − p − 1)²(ν − p − 3))', () => {
    const rng = Rng.seeded(15);
    const nu = 16;
    const d = InverseWishart(nu, fullCovariance([2, 0.5, 0.5, 1], 2));
    const x11 = new Float64Array(20000);
    const x22 = new Float64Array(20000);
    let asymmetric = 0;
    for (let k = 0; k < 20000; k++) {
      const x = d.rand(rng);
      if (x[1] !== x[2]) asymmetric++;
      x11[k] = x[0]!;
      x22[k] = x[3]!;
    }
    expect(asymmetric).toBe(0);
    const m = nu - 3;
    expectMoments(x11, 2 / m, (2 * 4) / (m * m * (nu - 5)));
    expectMoments(x22, 1 / m, 2 / (m * m * (nu - 5)));
  });
});

describe('InverseWishart arguments', () => {
  it.each([
    [() => InverseWishart(0.5, scaledIdentityCovariance(1, 2)), 'InverseWishart: degrees of freedom ν must be greater than dim − 1 = 1, got 0.5'],
    [() => InverseWishart(3, diagonalCovariance([1, 0])), 'InverseWishart: Ψ must be positive definite, but variance v[2] of Diagonal(v) is 0'],
  ])('%s', (build, message) => {
    expectArgumentError(build, message);
  });
});
