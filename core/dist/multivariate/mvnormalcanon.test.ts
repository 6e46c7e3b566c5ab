import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { MvNormal, MvNormalCanon, diagonalCovariance, fullCovariance, scaledIdentityCovariance } from './index.js';
import { expectClose, expectGradientsMatch } from './test-support.js';

// J = [2 0.5; 0.5 1], det 1.75, J⁻¹ = [1 −0.5; −0.5 2] / 1.75; h = [1, −1] so μ = J⁻¹h = [1.5, −2.5] / 1.75.
const J = fullCovariance([2, 0.5, 0.5, 1], 2);
const MU = [1.5 / 1.75, -2.5 / 1.75];
const COV = fullCovariance([1 / 1.75, -0.5 / 1.75, -0.5 / 1.75, 2 / 1.75], 2);

describe('MvNormalCanon log density', () => {
  it.each([[[0, 0]], [[1.2, -3]], [[-2, 4]]])('equals MvNormal(J⁻¹h, J⁻¹) (inverse by hand) at %j', (x) => {
    // The bivariate formula with σ₁² = 1/1.75, σ₂² = 2/1.75 and ρ = −0.5/√2.
    const s1 = Math.sqrt(1 / 1.75);
    const s2 = Math.sqrt(2 / 1.75);
    const rho = -0.5 / Math.sqrt(2);
    const a = (x[0]! - MU[0]!) / s1;
    const b = (x[1]! - MU[1]!) / s2;
    const expected = -Math.log(2 * Math.PI * s1 * s2 * Math.sqrt(1 - rho * rho)) - (a * a - 2 * rho * a * b + b * b) / (2 * (1 - rho * rho));
    expectClose(MvNormalCanon([1, -1], J).logpdf(x), expected);
    expectClose(MvNormal(MU, COV).logpdf(x), expected);
  });

  it('a diagonal precision is a diagonal covariance of reciprocals', () => {
    const x = [0.3, -0.4, 2];
    expectClose(MvNormalCanon([0.5, 1, -2], diagonalCovariance([2, 4, 0.5])).logpdf(x), MvNormal([0.25, 0.25, -4], diagonalCovariance([0.5, 0.25, 2])).logpdf(x) as number);
  });

  it('MvNormalCanon(J) has zero mean', () => {
    expect(MvNormalCanon(scaledIdentityCovariance(2, 3)).mean!()).toEqual([0, 0, 0]);
  });
});

describe('MvNormalCanon partials', () => {
  it('x, h and a full J', () => {
    expectGradientsMatch((t) => MvNormalCanon(t.slice(2, 4), fullCovariance([t[4]!, t[5]!, t[5]!, t[6]!], 2)).logpdf(t.slice(0, 2)), [0.7, -1.4, 1, -1, 2, 0.5, 1]);
  });

  it('x, h and σ² * I', () => {
    expectGradientsMatch((t) => MvNormalCanon(t.slice(2, 4), scaledIdentityCovariance(t[4]!)).logpdf(t.slice(0, 2)), [0.7, -1.4, 1, -1, 1.3]);
  });

  it('the mean J⁻¹h in h and a full J', () => {
    for (const i of [0, 1]) {
      expectGradientsMatch((t) => MvNormalCanon(t.slice(0, 2), fullCovariance([t[2]!, t[3]!, t[3]!, t[4]!], 2)).mean!()[i]!, [1, -1, 2, 0.5, 1]);
    }
  });

  it('the mean J⁻¹h in h and Diagonal(J)', () => {
    expectGradientsMatch((t) => MvNormalCanon(t.slice(0, 2), diagonalCovariance(t.slice(2, 4))).mean!()[1]!, [1, -1, 2, 0.5]);
  });
});

describe('MvNormalCanon draws', () => {
  it('have mean J⁻¹h and covariance J⁻¹', () => {
    const rng = Rng.seeded(3);
    const d = MvNormalCanon([1, -1], J);
    const xs = [new Float64Array(20000), new Float64Array(20000)];
    for (let k = 0; k < 20000; k++) {
      const x = d.rand(rng);
      xs[0]![k] = x[0]!;
      xs[1]![k] = x[1]!;
    }
    expectMoments(xs[0]!, MU[0]!, 1 / 1.75);
    expectMoments(xs[1]!, MU[1]!, 2 / 1.75);
  });
});
