import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { censored, Gamma, Normal, Poisson } from '../index.js';

describe('censored', () => {
  it('has point masses log P(X ≤ l) and log P(X ≥ u) at the bounds and the density inside (SciPy’s norm)', () => {
    const d = censored(Normal(1, 2), -1, 3);
    expectClose(d.logpdf(-1), -1.8410216450092634, 1e-14);
    expectClose(d.logpdf(3), -1.8410216450092634, 1e-14);
    expectClose(d.logpdf(0.5), -1.643335713764618, 1e-14);
    expect(d.logpdf(-1.5)).toBe(-Infinity);
    expect(d.logpdf(3.5)).toBe(-Infinity);
    expect(censored(Normal(), 2, 2).logpdf(2)).toBe(0);
  });

  it('one-sided censoring; no bound at all is D itself; nested censorings intersect', () => {
    const d = censored(Normal(1, 2), undefined, 3);
    expectClose(d.logpdf(3), -1.8410216450092634, 1e-14);
    expectClose(d.logpdf(-40), Normal(1, 2).logpdf(-40) as number, 1e-15);
    const n = Normal();
    expect(censored(n)).toBe(n);
    expect(censored(n, -Infinity, Infinity)).toBe(n);
    expectClose(censored(censored(n, -1, 2), 0, 3).logpdf(2), censored(n, 0, 2).logpdf(2) as number, 1e-15);
  });

  it('cdf is D’s inside, 0 below the lower bound and 1 from the upper one', () => {
    const d = censored(Normal(1, 2), -1, 3);
    expectClose(d.cdf(0.5), Normal(1, 2).cdf(0.5) as number, 1e-15);
    expect(d.logcdf(-1.2)).toBe(-Infinity);
    expect(d.logcdf(3)).toBe(0);
    expect(d.logccdf(3)).toBe(-Infinity);
    expectClose(d.logcdf(-1), -1.8410216450092634, 1e-14);
  });

  it('for a discrete D the mass at u includes P(X = u) (SciPy’s poisson)', () => {
    const d = censored(Poisson(3), 1, 5);
    expect(d.discrete).toBe(true);
    expectClose(d.logpdf(1), -1.6137056388801092, 1e-14);
    expectClose(d.logpdf(5), -1.688823410620876, 1e-13);
    expectClose(d.logpdf(3), -1.4959226032237258, 1e-14);
    expect(d.logpdf(0)).toBe(-Infinity);
    expect(d.support()).toEqual({ kind: 'discrete' });
    expectQuantileRoundTrip(d, [0.1, 0.5, 0.9]);
  });

  it('mean and variance by Distributions.jl’s decomposition (SciPy’s truncnorm for the middle)', () => {
    expectClose(censored(Normal(1, 2), 0, 4).mean(), 1.3369795272774028, 1e-13);
    expectClose(censored(Normal(1, 2), 0, 4).var(), 1.8136319608382783, 1e-13);
    expectClose(censored(Normal(1, 2), undefined, 2.5).mean(), 0.7376661642556934, 1e-13);
    expect(censored(Gamma(2, 1), 1, 3).mean()).toBeNaN();
  });

  it('partials in x, the parameters and the bounds, at the bounds and inside', () => {
    expectDistGradients(([m, s, l, u]) => censored(Normal(m, s), l, u), [1, 2, -1, 3], [0.5, 2]);
    // At a bound the mass is smooth in D's parameters only: x and the bound stay where they are.
    expectDistGradients(([m, s]) => censored(Normal(m, s), -1, 3), [1, 2], [-1, 3], { discrete: true });
    expectDistGradients(([l]) => censored(Poisson(l!), 1, 5), [3], [1, 3, 5], { discrete: true });
  });

  it('draws are D’s clamped to the bounds', () => {
    const xs = expectRandMoments(censored(Normal(1, 2), 0, 4));
    expect(Math.min(...xs)).toBe(0);
    expect(Math.max(...xs)).toBe(4);
  });

  it('refuses to be the distribution of a continuous parameter, and rejects bad bounds by name', () => {
    expectArgumentError(
      () => censored(Normal(), -1, 1).support(),
      'censored: a censored Normal has point masses at its bounds, so it can only be observed, not be the distribution of a parameter (a sampler never lands on the bounds). For a parameter restricted to [lower, upper] use truncated(d, lower, upper)',
    );
    expectArgumentError(() => censored(Normal(), 2, 1), 'censored: lower must be at most upper, got lower = 2, upper = 1');
  });
});
