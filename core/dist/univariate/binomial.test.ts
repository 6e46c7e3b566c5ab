import { describe, expect, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Binomial } from '../index.js';

const logpmf = (k: number, n: number, p: number) => lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p);

describe('Binomial', () => {
  it('logpmf is the closed form and SciPy’s, also for large n', () => {
    for (const k of [0, 1, 7, 20]) expectClose(Binomial(20, 0.3).logpdf(k), logpmf(k, 20, 0.3));
    expectClose(Binomial(20, 0.3).logpdf(7), -1.8062926549204255, 1e-13);
    expectClose(Binomial(1e6, 0.003).logpdf(3000), -4.920647840548074, 1e-12); // mpmath, 40 digits
    expect(Binomial(20, 0.3).logpdf(21)).toBe(-Infinity);
    expect(Binomial(20, 0.3).logpdf(2.5)).toBe(-Infinity);
    expect(Binomial(5, 0).logpdf(0)).toBe(0);
  });

  it('cdf matches SciPy', () => {
    expectClose(Binomial(20, 0.3).cdf(7), 0.7722717974181608, 1e-13);
    expectClose(Binomial(20, 0.3).cdf(7.9), 0.7722717974181608, 1e-13);
    expectClose(Binomial(20, 0.3).logccdf(19), -24.07945608651872, 1e-12);
  });

  it('partials in p', () => {
    expectDistGradients((p) => Binomial(20, p[0]), [0.3], [0, 7, 19, 20], { discrete: true });
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(Binomial(20, 0.3), [1e-9, 0.3, 0.5, 0.999]);
    expect(Binomial(20, 0.3).maximum()).toBe(20);
    expectRandMoments(Binomial(20, 0.3));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Binomial(-1, 0.5), 'Binomial: n must be a non-negative integer, got -1');
    expectArgumentError(() => Binomial(2.5, 0.5), 'Binomial: n must be a non-negative integer, got 2.5');
    expectArgumentError(() => Binomial(3, -0.5), 'Binomial: p must be in [0, 1], got -0.5');
  });
});
