import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { MvLogNormal, MvNormal, diagonalCovariance, fullCovariance, mvLogNormalOf, scaledIdentityCovariance } from './index.js';
import { expectClose, expectGradientsMatch } from './test-support.js';

function lognormalLogpdf(x: number, mu: number, sigma: number): number {
  return -Math.log(x * sigma * Math.sqrt(2 * Math.PI)) - (Math.log(x) - mu) ** 2 / (2 * sigma * sigma);
}

describe('MvLogNormal log density', () => {
  it("MvLogNormal(d) of an MvNormal d, the GPLVM tutorial's MvLogNormal(MvNormal(Zeros(K), I)): exp of d's vector", () => {
    const x = [0.5, 1.2, 3.0];
    const normal = MvNormal([0, 0.1, 1], diagonalCovariance([1, 0.25, 4]));
    expectClose(mvLogNormalOf(normal)!.logpdf(x), MvLogNormal([0, 0.1, 1], diagonalCovariance([1, 0.25, 4])).logpdf(x) as number);
    expect(mvLogNormalOf(MvLogNormal([0], diagonalCovariance([1])))).toBeUndefined();
  });

  it.each([
    [[0.5, 1.2, 3.0], [0, 0.1, 1], [1, 0.25, 4]],
    [[10, 0.01, 1], [-1, 2, 0.5], [0.3, 3, 2]],
  ])('Diagonal(v) at %j equals a sum of univariate lognormal densities', (x, mu, v) => {
    const expected = x.reduce((s, xi, i) => s + lognormalLogpdf(xi, mu[i]!, Math.sqrt(v[i]!)), 0);
    expectClose(MvLogNormal(mu, diagonalCovariance(v)).logpdf(x), expected);
  });

  it('a full 2×2 Σ: the bivariate normal density of log x with the Jacobian 1/(x₁x₂)', () => {
    const x = [0.7, 2.3];
    const [s1, s2, rho] = [0.8, 1.5, 0.6];
    const a = Math.log(x[0]!) / s1;
    const b = (Math.log(x[1]!) - 1) / s2;
    const z = a * a - 2 * rho * a * b + b * b;
    const expected = -Math.log(2 * Math.PI * s1 * s2 * Math.sqrt(1 - rho * rho)) - z / (2 * (1 - rho * rho)) - Math.log(x[0]! * x[1]!);
    const cov = fullCovariance([s1 * s1, rho * s1 * s2, rho * s1 * s2, s2 * s2], 2);
    expectClose(MvLogNormal([0, 1], cov).logpdf(x), expected);
  });

  it('is −∞ off the positive orthant', () => {
    const d = MvLogNormal([0, 0], scaledIdentityCovariance(1));
    expect(d.logpdf([1, 0])).toBe(-Infinity);
    expect(d.logpdf([-1, 2])).toBe(-Infinity);
  });

  it('has positive support and mean exp(μ + diag(Σ)/2)', () => {
    const d = MvLogNormal([0.5, -1], diagonalCovariance([0.2, 1]));
    expect(d.support()).toEqual({ kind: 'lower', lower: 0 });
    const m = d.mean!();
    expectClose(m[0]!, Math.exp(0.6));
    expectClose(m[1]!, Math.exp(-0.5));
  });
});

describe('MvLogNormal partials', () => {
  it('x, μ and a full Σ', () => {
    expectGradientsMatch((t) => MvLogNormal(t.slice(2, 4), fullCovariance([t[4]!, t[5]!, t[5]!, t[6]!], 2)).logpdf(t.slice(0, 2)), [0.7, 2.3, 0.1, -0.2, 1.5, 0.4, 0.9]);
  });

  it('x, μ and σ² * I', () => {
    expectGradientsMatch((t) => MvLogNormal(t.slice(2, 4), scaledIdentityCovariance(t[4]!)).logpdf(t.slice(0, 2)), [0.7, 2.3, 0.1, -0.2, 0.6]);
  });

  it('the mean is differentiable in μ and Σ', () => {
    expectGradientsMatch((t) => MvLogNormal(t.slice(0, 2), diagonalCovariance(t.slice(2, 4))).mean!()[1]!, [0.3, -0.4, 0.5, 0.8]);
  });
});

describe('MvLogNormal draws', () => {
  it('have lognormal marginals', () => {
    const rng = Rng.seeded(5);
    const d = MvLogNormal([0.2, -0.3], fullCovariance([0.25, 0.1, 0.1, 0.16], 2));
    const logs = [new Float64Array(20000), new Float64Array(20000)];
    for (let k = 0; k < 20000; k++) {
      const x = d.rand(rng);
      logs[0]![k] = Math.log(x[0]!);
      logs[1]![k] = Math.log(x[1]!);
    }
    expectMoments(logs[0]!, 0.2, 0.25);
    expectMoments(logs[1]!, -0.3, 0.16);
  });
});
