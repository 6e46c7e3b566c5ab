import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Bernoulli } from '../index.js';

describe('Bernoulli', () => {
  it('logpmf is log p or log(1 − p); anything else is −Inf', () => {
    expectClose(Bernoulli(0.3).logpdf(1), Math.log(0.3));
    expectClose(Bernoulli(0.3).logpdf(0), Math.log(0.7));
    expect(Bernoulli(0.3).logpdf(0.5)).toBe(-Infinity);
    expect(Bernoulli(0.3).logpdf(2)).toBe(-Infinity);
    expect(Bernoulli(1).logpdf(0)).toBe(-Infinity);
  });

  it('cdf steps at 0 and 1', () => {
    expectClose(Bernoulli(0.3).cdf(0.5), 0.7);
    expect(Bernoulli(0.3).cdf(-0.1)).toBe(0);
    expect(Bernoulli(0.3).cdf(1)).toBe(1);
    expectClose(Bernoulli(0.3).logccdf(0), Math.log(0.3));
  });

  it('partials in p', () => {
    expectDistGradients((p) => Bernoulli(p[0]), [0.3], [0, 1], { discrete: true });
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(Bernoulli(0.3), [0.1, 0.7, 0.71]);
    expect(Bernoulli(0.3).support()).toEqual({ kind: 'discrete' });
    expectRandMoments(Bernoulli(0.3));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Bernoulli(1.5), 'Bernoulli: p must be in [0, 1], got 1.5');
  });
});
