import { describe, expect, it } from 'vitest';
import { bijectorFor } from '../../bijectors/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { Normal } from '../univariate/index.js';
import { Dirichlet, MvNormal, diagonalCovariance, filldist, fullCovariance, ordered, orderedPushforward } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

function normalLogpdf(x: number, mu: number, sigma: number): number {
  return -0.5 * Math.log(2 * Math.PI) - Math.log(sigma) - (0.5 * (x - mu) ** 2) / sigma ** 2;
}

describe("ordered log density (Bijectors' OrderedDistribution: D's density on increasing x, not renormalised)", () => {
  it.each([[[-1, 0.5, 0.7]], [[2, 2.001, 10]]])('is D at x itself, at %j', (x) => {
    const mu = [0, 1, -1];
    const sd = [1, 2, 0.5];
    const expected = x.reduce((s, xi, i) => s + normalLogpdf(xi, mu[i]!, sd[i]!), 0);
    expectClose(ordered(MvNormal(mu, diagonalCovariance(sd.map((s) => s * s)))).logpdf(x), expected);
  });

  it("plus the ordered bijector's log-Jacobian Σ_{i≥2} yᵢ is the log density Turing samples in the unconstrained space", () => {
    const inner = MvNormal([0.5, -1, 0], fullCovariance([1, 0.3, 0, 0.3, 2, 0.1, 0, 0.1, 1], 3));
    const y = [0.2, -0.4, 1.1];
    const { x, logJac } = bijectorFor({ kind: 'ordered', dim: 3 }).invlink(y);
    expectClose((ordered(inner).logpdf(x) as number) + (logJac as number), (inner.logpdf(x) as number) + y[1]! + y[2]!);
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
  it('are draws of D kept when increasing (rejection, as Bijectors): for two iid N(0, 1), the min and the max', () => {
    const rng = Rng.seeded(10);
    const d = ordered(filldist(Normal(), 2));
    const first = new Float64Array(20000);
    const second = new Float64Array(20000);
    for (let k = 0; k < 20000; k++) {
      const x = d.rand(rng);
      expect(x[1]!).toBeGreaterThan(x[0]!);
      first[k] = x[0]!;
      second[k] = x[1]!;
    }
    // E[min] = −1/√π and Var[min] = 1 − 1/π for two standard normals; the max mirrors them.
    expectMoments(first, -1 / Math.sqrt(Math.PI), 1 - 1 / Math.PI);
    expectMoments(second, 1 / Math.sqrt(Math.PI), 1 - 1 / Math.PI);
  });

  it('say so rather than loop for ever when D is almost never increasing', () => {
    const d = ordered(MvNormal([0, -1e3], diagonalCovariance([1, 1])));
    expect(() => d.rand(Rng.seeded(1))).toThrow('ordered: no increasing draw of D in 1000000 tries');
  });
});

describe('ordered arguments', () => {
  it.each([
    [() => ordered(Dirichlet([1, 1])), 'ordered: ordered needs a multivariate distribution with real support, got Dirichlet (for positive increasing values draw the gaps, `δ ~ filldist(Exponential(), n)`, and take `c = cumsum(δ)`)'],
    [() => ordered(Normal()), 'ordered: ordered needs a multivariate distribution with real support, got Normal'],
    [() => orderedPushforward(Dirichlet([1, 1])), 'transformed: transformed needs a multivariate distribution with real support, got Dirichlet (for positive increasing values draw the gaps, `δ ~ filldist(Exponential(), n)`, and take `c = cumsum(δ)`)'],
  ])('%s', (build, message) => {
    expectArgumentError(build, message);
  });
});

describe("transformed(D, OrderedBijector()): D pushed through Bijectors' ordering map", () => {
  const inner = MvNormal([0.5, -1, 0], fullCovariance([1, 0.3, 0, 0.3, 2, 0.1, 0, 0.1, 1], 3));

  it('is D at the unconstrained y, in the space Turing samples: D at y exactly, where ordered(D) reads D at x', () => {
    const y = [0.2, -0.4, 1.1];
    const { x, logJac } = bijectorFor({ kind: 'ordered', dim: 3 }).invlink(y);
    const d = orderedPushforward(inner);
    expectClose((d.logpdf(x) as number) + (logJac as number), inner.logpdf(y) as number);
    expect(Math.abs((d.logpdf(x) as number) - (ordered(inner).logpdf(x) as number))).toBeGreaterThan(0.1);
    expect(d.support()).toEqual({ kind: 'ordered', dim: 3 });
    expect(d.logpdf([0, 2, 1])).toBe(-Infinity);
  });

  it('has the partials of its hand-written density', () => {
    expectGradientsMatch((t) => orderedPushforward(MvNormal(t.slice(3, 6), diagonalCovariance([1, 4, 0.25]))).logpdf(t.slice(0, 3)), [-1, 0.5, 0.7, 0, 1, -1]);
  });

  it('draws D and orders it: x₁ is D’s first component, each gap exp of the next', () => {
    const rng = Rng.seeded(3);
    const d = orderedPushforward(filldist(Normal(), 2));
    const first = new Float64Array(20000);
    const logGap = new Float64Array(20000);
    for (let k = 0; k < 20000; k++) {
      const x = d.rand(rng);
      first[k] = x[0]!;
      logGap[k] = Math.log(x[1]! - x[0]!);
    }
    expectMoments(first, 0, 1);
    expectMoments(logGap, 0, 1);
  });
});
