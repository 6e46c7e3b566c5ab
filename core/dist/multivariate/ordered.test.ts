import { describe, expect, it } from 'vitest';
import { bijectorFor } from '../../bijectors/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { Normal } from '../univariate/index.js';
import { Dirichlet, MvNormal, diagonalCovariance, filldist, fullCovariance, ordered } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

function normalLogpdf(x: number, mu: number, sigma: number): number {
  return -0.5 * Math.log(2 * Math.PI) - Math.log(sigma) - (0.5 * (x - mu) ** 2) / sigma ** 2;
}

describe('ordered log density (Bijectors: the law of (y₁, y₁ + e^{y₂}, …) for y ~ D)', () => {
  it.each([[[-1, 0.5, 0.7]], [[2, 2.001, 10]]])('is D at y = (x₁, log(x₂ − x₁), …) minus Σ log gaps, at %j', (x) => {
    const mu = [0, 1, -1];
    const sd = [1, 2, 0.5];
    const y = x.map((xi, i) => (i === 0 ? xi : Math.log(xi - x[i - 1]!)));
    const expected = y.reduce((s, yi, i) => s + normalLogpdf(yi, mu[i]!, sd[i]!), 0) - y[1]! - y[2]!;
    expectClose(ordered(MvNormal(mu, diagonalCovariance(sd.map((s) => s * s)))).logpdf(x), expected);
  });

  it("plus the ordered bijector's log-Jacobian is D's density in the unconstrained space, as in Turing", () => {
    const inner = MvNormal([0.5, -1, 0], fullCovariance([1, 0.3, 0, 0.3, 2, 0.1, 0, 0.1, 1], 3));
    const y = [0.2, -0.4, 1.1];
    const { x, logJac } = bijectorFor({ kind: 'ordered', dim: 3 }).invlink(y);
    expectClose((ordered(inner).logpdf(x) as number) + (logJac as number), inner.logpdf(y) as number);
  });

  it('is −∞ unless strictly increasing', () => {
    const d = ordered(filldist(Normal(), 3));
    expect(d.logpdf([0, 0, 1])).toBe(-Infinity);
    expect(d.logpdf([0, 2, 1])).toBe(-Infinity);
  });

  it('has ordered support', () => {
    expect(ordered(filldist(Normal(), 4)).support()).toEqual({ kind: 'ordered', dim: 4 });
  });
});

describe('ordered partials', () => {
  it('x (increasing) and D’s parameters', () => {
    expectGradientsMatch((t) => ordered(MvNormal(t.slice(3, 6), diagonalCovariance([1, 4, 0.25]))).logpdf(t.slice(0, 3)), [-1, 0.5, 0.7, 0, 1, -1]);
  });
});

describe('ordered draws', () => {
  it('are increasing, with x₁ ~ N(μ₁, σ₁²) and log(x₂ − x₁) ~ N(μ₂, σ₂²)', () => {
    const rng = Rng.seeded(10);
    const d = ordered(MvNormal([1, -0.5], diagonalCovariance([4, 0.25])));
    const first = new Float64Array(20000);
    const logGap = new Float64Array(20000);
    let unordered = 0;
    for (let k = 0; k < 20000; k++) {
      const x = d.rand(rng);
      if (!(x[1]! > x[0]!)) unordered++;
      first[k] = x[0]!;
      logGap[k] = Math.log(x[1]! - x[0]!);
    }
    expect(unordered).toBe(0);
    expectMoments(first, 1, 4);
    expectMoments(logGap, -0.5, 0.25);
  });
});

describe('ordered arguments', () => {
  it.each([
    [() => ordered(Dirichlet([1, 1])), 'ordered: ordered needs a multivariate distribution with real support, got Dirichlet'],
    [() => ordered(Normal()), 'ordered: ordered needs a multivariate distribution with real support, got Normal'],
  ])('%s', (build, message) => {
    expectArgumentError(build, message);
  });
});
