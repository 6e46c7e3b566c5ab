import { describe, expect, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { Exponential, Normal, Poisson } from '../univariate/index.js';
import { Dirichlet, LKJ, MvNormal, arraydist, diagonalCovariance, filldist, fullCovariance, product_distribution, scaledIdentityCovariance } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

function normalLogpdf(x: number, mu: number, sigma: number): number {
  return -0.5 * Math.log(2 * Math.PI) - Math.log(sigma) - (0.5 * (x - mu) ** 2) / sigma ** 2;
}

describe('filldist of a univariate distribution', () => {
  it('is a vector of iid elements', () => {
    const d = filldist(Normal(1, 2), 3);
    expect(d.shape).toEqual([3]);
    expect(d.variate).toBe('multivariate');
    expect(d.support()).toEqual({ kind: 'real' });
    const x = [0.5, -1, 4];
    expectClose(d.logpdf(x), x.reduce((s, xi) => s + normalLogpdf(xi, 1, 2), 0));
  });

  it('with two counts is an n×m matrix', () => {
    const d = filldist(Exponential(2), 2, 3);
    expect(d.shape).toEqual([2, 3]);
    expect(d.variate).toBe('matrixvariate');
    const x = [0.1, 0.5, 1, 2, 3, 4];
    expectClose(d.logpdf(x), x.reduce((s, xi) => s - Math.log(2) - xi / 2, 0));
    expect(d.support()).toEqual({ kind: 'elementwise', supports: new Array(6).fill({ kind: 'lower', lower: 0 }) });
    expect(d.mean!()).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('is −∞ when any element is outside its support', () => {
    expect(filldist(Exponential(1), 3).logpdf([1, -1, 2])).toBe(-Infinity);
  });

  it('partials: x, μ, σ', () => {
    expectGradientsMatch((t) => filldist(Normal(t[3]!, t[4]!), 3).logpdf(t.slice(0, 3)), [0.5, -1, 4, 0.3, 1.7]);
  });

  it('draws are iid', () => {
    const x = filldist(Normal(1, 2), 20000).rand(Rng.seeded(2));
    expectMoments(x, 1, 4);
  });
});

describe('filldist of a multivariate distribution', () => {
  const mvn = MvNormal([1, -1], fullCovariance([2, 0.5, 0.5, 1], 2));

  it('is a matrix whose columns are iid draws', () => {
    const d = filldist(mvn, 3);
    expect(d.shape).toEqual([2, 3]);
    expect(d.variate).toBe('matrixvariate');
    expect(d.support()).toEqual({ kind: 'real' });
    const x = [0, 0, 1, 2, -3, 0.5];
    const cols = [x.slice(0, 2), x.slice(2, 4), x.slice(4, 6)];
    expectClose(d.logpdf(x), cols.reduce((s, c) => s + (mvn.logpdf(c) as number), 0));
    expect(d.rand(Rng.seeded(1))).toHaveLength(6);
  });

  // Columns of length 1 were read as univariate parts: their log density was given a number (an error that
  // named no cause, "expected a value with 1 elements, got undefined") and their draws were NaN.
  it('with columns of one element: DynamicPPL demo_dot_assume_matrix_dot_observe_matrix with d = 1', () => {
    const one = MvNormal([2], scaledIdentityCovariance(4));
    for (const d of [filldist(one, 2), arraydist([one, MvNormal([-1], scaledIdentityCovariance(1))])]) {
      expect(d.shape).toEqual([1, 2]);
      const draw = d.rand(Rng.seeded(3));
      expect(draw).toHaveLength(2);
      expect(Array.from(draw).every(Number.isFinite)).toBe(true);
    }
    expectClose(filldist(one, 2).logpdf([0.5, 3]), normalLogpdf(0.5, 2, 2) + normalLogpdf(3, 2, 2));
    expectClose(arraydist([one, MvNormal([-1], scaledIdentityCovariance(1))]).logpdf([0.5, 3]), normalLogpdf(0.5, 2, 2) + normalLogpdf(3, -1, 1));
  });

  it('of structured columns lists one support per column', () => {
    expect(filldist(Dirichlet([1, 2, 3]), 2).support()).toEqual({ kind: 'elementwise', supports: [{ kind: 'simplex', dim: 3 }, { kind: 'simplex', dim: 3 }] });
  });

  it('partials: x and μ', () => {
    expectGradientsMatch((t) => filldist(MvNormal(t.slice(4, 6), diagonalCovariance([1, 2])), 2).logpdf(t.slice(0, 4)), [0, 1, 2, -1, 0.3, 0.4]);
  });
});

describe('arraydist and product_distribution', () => {
  it('take one distribution per element, with mixed supports', () => {
    const d = arraydist([Normal(0, 1), Exponential(1), Poisson(3)]);
    expect(d.discrete).toBe(true);
    expect(d.support()).toEqual({ kind: 'elementwise', supports: [{ kind: 'real' }, { kind: 'lower', lower: 0 }, { kind: 'discrete' }] });
    const poisson2 = 2 * Math.log(3) - 3 - lgamma(3);
    expectClose(d.logpdf([0.5, 2, 2]), normalLogpdf(0.5, 0, 1) - 2 + poisson2);
  });

  it('lay a matrix out column-major', () => {
    const d = product_distribution([Normal(0, 1), Normal(1, 1), Normal(2, 1), Normal(3, 1)], [2, 2]);
    expect(d.family).toBe('product_distribution');
    expect(d.shape).toEqual([2, 2]);
    expect(d.mean!()).toEqual([0, 1, 2, 3]);
    expectClose(d.logpdf([0, 1, 2, 3]), 4 * normalLogpdf(0, 0, 1));
  });

  it('of multivariate distributions is a matrix with one column each', () => {
    const ds = [MvNormal([0, 0], scaledIdentityCovariance(1)), MvNormal([1, 1], scaledIdentityCovariance(4))];
    const d = arraydist(ds);
    expect(d.shape).toEqual([2, 2]);
    expectClose(d.logpdf([0, 0, 1, 1]), 2 * normalLogpdf(0, 0, 1) + 2 * normalLogpdf(0, 0, 2));
    expect(d.mean!()).toEqual([0, 0, 1, 1]);
  });

  it('partials: x and each element’s parameters', () => {
    expectGradientsMatch((t) => arraydist([Normal(t[3]!, 1), Exponential(t[4]!), Normal(0, t[5]!)]).logpdf(t.slice(0, 3)), [0.5, 2, -1, 0.2, 1.5, 0.8]);
  });

  it('draws follow each element', () => {
    const rng = Rng.seeded(6);
    const d = arraydist([Normal(5, 1), Exponential(3)]);
    const a = new Float64Array(20000);
    const b = new Float64Array(20000);
    for (let k = 0; k < 20000; k++) {
      const x = d.rand(rng);
      a[k] = x[0]!;
      b[k] = x[1]!;
    }
    expectMoments(a, 5, 1);
    expectMoments(b, 3, 9);
  });
});

describe('container arguments', () => {
  it.each([
    [() => filldist(Normal(), -1), 'filldist: n must be a non-negative integer, got -1'],
    [() => filldist(Normal(), 2, 1.5), 'filldist: m must be a non-negative integer, got 1.5'],
    [() => filldist(LKJ(2, 1), 3), 'filldist: filldist of LKJ needs a univariate distribution, or a multivariate one with a single count'],
    [() => filldist(MvNormal([0], diagonalCovariance([1])), 2, 2), 'filldist: filldist of MvNormal needs a univariate distribution, or a multivariate one with a single count'],
    [() => arraydist([Normal(), Normal(), Normal()], [2, 2]), 'arraydist: shape [2, 2] does not hold 3 distributions'],
    [() => arraydist([Normal(), MvNormal([0], diagonalCovariance([1]))]), 'arraydist: needs univariate distributions, or multivariate ones of one length'],
    [() => arraydist([MvNormal([0], diagonalCovariance([1])), MvNormal([0, 0], diagonalCovariance([1, 1]))]), 'arraydist: needs univariate distributions, or multivariate ones of one length'],
    [() => filldist(Normal(), 2).logpdf([1]), 'filldist: expected a value with 2 elements, got 1'],
  ])('%s', (build, message) => {
    expectArgumentError(build, message);
  });
});
