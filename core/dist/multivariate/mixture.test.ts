import { describe, expect, it } from 'vitest';
import { ops } from '../../ad/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { Dirichlet, MvMixtureModel, MvNormal, diagonalCovariance, scaledIdentityCovariance } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

function normalLogpdf(x: number, mu: number, sigma: number): number {
  return -0.5 * Math.log(2 * Math.PI) - Math.log(sigma) - (0.5 * (x - mu) ** 2) / sigma ** 2;
}

const A = MvNormal([0, 0], scaledIdentityCovariance(1));
const B = MvNormal([3, -2], diagonalCovariance([4, 0.25]));

describe('MvMixtureModel log density', () => {
  it.each([[[0.5, -0.5]], [[3, -2]], [[10, 10]]])('is log(w₁ p₁(x) + w₂ p₂(x)) at %j', (x) => {
    const pa = normalLogpdf(x[0]!, 0, 1) + normalLogpdf(x[1]!, 0, 1);
    const pb = normalLogpdf(x[0]!, 3, 2) + normalLogpdf(x[1]!, -2, 0.5);
    expectClose(MvMixtureModel([A, B], [0.3, 0.7]).logpdf(x), Math.log(0.3 * Math.exp(pa) + 0.7 * Math.exp(pb)), 1e-10);
  });

  it('weighs components equally by default', () => {
    expectClose(MvMixtureModel([A, B]).logpdf([1, 1]), MvMixtureModel([A, B], [0.5, 0.5]).logpdf([1, 1]) as number);
  });

  it('ignores a zero-weight component', () => {
    expectClose(MvMixtureModel([A, B], [1, 0]).logpdf([1, 1]), A.logpdf([1, 1]) as number);
  });

  it('takes the components’ support and shape', () => {
    const m = MvMixtureModel([Dirichlet([1, 2]), Dirichlet([3, 1])], [0.5, 0.5]);
    expect(m.support()).toEqual({ kind: 'simplex', dim: 2 });
    expect(m.shape).toEqual([2]);
  });
});

describe('MvMixtureModel partials', () => {
  it('x, a weight (w₂ = 1 − w₁) and a component’s mean', () => {
    expectGradientsMatch((t) => MvMixtureModel([MvNormal(t.slice(3, 5), scaledIdentityCovariance(1)), B], [t[2]!, ops.sub(1, t[2]!)]).logpdf(t.slice(0, 2)), [1, -1, 0.4, 0.2, 0.1]);
  });
});

describe('MvMixtureModel draws and mean', () => {
  it('pick components by weight', () => {
    const rng = Rng.seeded(13);
    const m = MvMixtureModel([MvNormal([-50, 0], scaledIdentityCovariance(1)), MvNormal([50, 0], scaledIdentityCovariance(1))], [0.25, 0.75]);
    const fromSecond = new Float64Array(20000);
    for (let k = 0; k < 20000; k++) fromSecond[k] = m.rand(rng)[0]! > 0 ? 1 : 0;
    expectMoments(fromSecond, 0.75, 0.75 * 0.25);
  });

  it('mean is the weighted mean of the components', () => {
    const mean = MvMixtureModel([A, B], [0.3, 0.7]).mean!();
    expectClose(mean[0]!, 2.1);
    expectClose(mean[1]!, -1.4);
  });
});

describe('MvMixtureModel arguments', () => {
  it.each([
    [() => MvMixtureModel([]), 'MixtureModel: needs at least one component'],
    [() => MvMixtureModel([A, MvNormal([0], diagonalCovariance([1]))]), 'MixtureModel: components must all have one shape, got [2] (MvNormal) and [1] (MvNormal)'],
    [() => MvMixtureModel([A, B], [1]), 'MixtureModel: expected 2 weights, got 1'],
    [() => MvMixtureModel([A, B], [0.5, 0.6]), 'MixtureModel: weights must be a probability vector (non-negative, summing to 1), but its sum is 1.1'],
  ])('%s', (build, message) => {
    expectArgumentError(build, message);
  });
});
