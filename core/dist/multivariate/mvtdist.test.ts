import { describe, expect, it } from 'vitest';
import { forwardGradient, value, type Real } from '../../ad/index.js';
import { lgamma } from '../../math/index.js';
import { expectReplayableNodes } from '../../testing/replay.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { MvNormal, MvTDist, diagonalCovariance, fullCovariance, scaledIdentityCovariance } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

describe('MvTDist log density', () => {
  it.each([
    [3, 0.5, 2, 1.7],
    [1, -1, 0.3, 0],
    [30, 2, 1, -4],
  ])('in one dimension equals the location-scale t: ν = %d, μ = %d, σ² = %d at %d', (nu, mu, s2, x) => {
    const z2 = (x - mu) ** 2 / s2;
    const expected = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * Math.log(nu * Math.PI) - 0.5 * Math.log(s2) - ((nu + 1) / 2) * Math.log1p(z2 / nu);
    expectClose(MvTDist(nu, [mu], fullCovariance([s2], 1)).logpdf([x]), expected);
  });

  it.each([
    [4, [0.3, -0.8]],
    [2.5, [3, 1]],
  ])('in two dimensions, Γ((ν+2)/2)/Γ(ν/2) = ν/2 gives −log 2π − ½ log|Σ| − ((ν+2)/2) log(1 + q/ν): ν = %d at %j', (nu, x) => {
    // Σ = [2 0.6; 0.6 1], |Σ| = 1.64, Σ⁻¹ = [1 −0.6; −0.6 2] / 1.64, μ = [0.1, 0.2]
    const r = [x[0]! - 0.1, x[1]! - 0.2];
    const q = (r[0]! * r[0]! - 1.2 * r[0]! * r[1]! + 2 * r[1]! * r[1]!) / 1.64;
    const expected = -Math.log(2 * Math.PI) - 0.5 * Math.log(1.64) - ((nu + 2) / 2) * Math.log1p(q / nu);
    expectClose(MvTDist(nu, [0.1, 0.2], fullCovariance([2, 0.6, 0.6, 1], 2)).logpdf(x), expected);
  });

  it('MvTDist(ν, Σ) has zero location', () => {
    const cov = diagonalCovariance([1, 2]);
    expectClose(MvTDist(5, cov).logpdf([1, 1]), MvTDist(5, [0, 0], cov).logpdf([1, 1]) as number);
  });
});

describe('MvTDist at a large or infinite ν', () => {
  const mvt = (t: readonly Real[], nu: Real) => MvTDist(nu, t.slice(2, 4), fullCovariance([t[4]!, t[5]!, t[5]!, t[6]!], 2)).logpdf(t.slice(0, 2));
  const mvn = (t: readonly Real[]) => MvNormal(t.slice(2, 4), fullCovariance([t[4]!, t[5]!, t[5]!, t[6]!], 2)).logpdf(t.slice(0, 2));
  const at = [0.7, -1.4, 0.2, 0.1, 1.5, -0.4, 0.9];

  it('is the MvNormal limit at ν = Inf (which Distributions.jl lets through to a NaN), with its partials and none in ν', () => {
    const limit = forwardGradient((t) => mvt(t, Infinity), at);
    const normal = forwardGradient(mvn, at);
    expectClose(limit.value, normal.value, 1e-14);
    normal.grad.forEach((g, i) => expectClose(limit.grad[i]!, g, 1e-14, `∂/∂θ[${i}]`));
    const inNu = forwardGradient(([nu]) => mvt(at, nu!), [Infinity]);
    expect(inNu.grad[0]).toBe(0);
    expectReplayableNodes((t) => mvt(t, Infinity), at, 'ν = Inf');
  });

  it('approaches it for a large finite ν, where lΓ((ν + n)/2) − lΓ(ν/2) cancels', () => {
    for (const nu of [1e8, 1e15, 1e300]) expectClose(mvt(at, nu), value(mvn(at)), nu === 1e8 ? 1e-7 : 1e-12, `ν = ${nu}`);
  });
});

describe('MvTDist partials', () => {
  it('x, ν, μ and a full Σ', () => {
    expectGradientsMatch((t) => MvTDist(t[2]!, t.slice(3, 5), fullCovariance([t[5]!, t[6]!, t[6]!, t[7]!], 2)).logpdf(t.slice(0, 2)), [0.7, -1.4, 3.5, 0.2, 0.1, 1.5, -0.4, 0.9]);
  });

  it('x, ν, μ and Diagonal(v)', () => {
    expectGradientsMatch((t) => MvTDist(t[3]!, t.slice(4, 7), diagonalCovariance(t.slice(7, 10))).logpdf(t.slice(0, 3)), [0.7, -1.4, 2, 6, 0.2, 0.1, 1, 1.5, 0.4, 0.9]);
  });
});

describe('MvTDist draws and mean', () => {
  it('have mean μ and covariance ν/(ν − 2) Σ', () => {
    const rng = Rng.seeded(8);
    const nu = 10;
    const d = MvTDist(nu, [1, -1], scaledIdentityCovariance(2));
    const xs = [new Float64Array(40000), new Float64Array(40000)];
    for (let k = 0; k < 40000; k++) {
      const x = d.rand(rng);
      xs[0]![k] = x[0]!;
      xs[1]![k] = x[1]!;
    }
    expectMoments(xs[0]!, 1, (2 * nu) / (nu - 2));
    expectMoments(xs[1]!, -1, (2 * nu) / (nu - 2));
  });

  it('mean is μ for ν > 1 and NaN otherwise', () => {
    expect(MvTDist(2, [1, 2], diagonalCovariance([1, 1])).mean!()).toEqual([1, 2]);
    expect(MvTDist(1, [1, 2], diagonalCovariance([1, 1])).mean!()).toEqual([NaN, NaN]);
  });

  it('rejects ν ≤ 0', () => {
    expectArgumentError(() => MvTDist(0, [0], diagonalCovariance([1])), 'MvTDist: degrees of freedom ν must be positive, got 0');
    expectArgumentError(() => MvTDist(-1, [0], diagonalCovariance([1])), 'MvTDist: degrees of freedom ν must be positive, got -1');
  });
});
