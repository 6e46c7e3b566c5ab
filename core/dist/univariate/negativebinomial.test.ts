import { describe, expect, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { NegativeBinomial } from '../index.js';

describe('NegativeBinomial (failures before the r-th success)', () => {
  it('logpmf is C(k + r − 1, k) p^r (1 − p)^k and SciPy’s', () => {
    const lp = (k: number, r: number, p: number) => lgamma(k + r) - lgamma(r) - lgamma(k + 1) + r * Math.log(p) + k * Math.log(1 - p);
    for (const k of [0, 1, 7, 50]) expectClose(NegativeBinomial(2.5, 0.3).logpdf(k), lp(k, 2.5, 0.3));
    expectClose(NegativeBinomial(2.5, 0.3).logpdf(7), -2.6271674291270326, 1e-13);
    expect(NegativeBinomial(2, 1).logpdf(0)).toBe(0);
    expect(NegativeBinomial(2, 1).logpdf(1)).toBe(-Infinity);
  });

  it('cdf matches SciPy', () => {
    expectClose(NegativeBinomial(2.5, 0.3).cdf(7), 0.7135053819956565, 1e-13);
    expectClose(NegativeBinomial(2.5, 0.3).logccdf(100), -31.13957793371367, 1e-12);
  });

  it('partials in r and p (r numerically for the cdfs)', () => {
    expectDistGradients((p) => NegativeBinomial(p[0], p[1]), [2.5, 0.3], [0, 7, 30], { discrete: true });
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(NegativeBinomial(2.5, 0.3), [1e-9, 0.3, 0.5, 0.999]);
    expectRandMoments(NegativeBinomial(2.5, 0.3));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => NegativeBinomial(0, 0.5), 'NegativeBinomial: r must be positive, got 0');
    expectArgumentError(() => NegativeBinomial(1, 0), 'NegativeBinomial: p must be in (0, 1], got 0');
  });
});
