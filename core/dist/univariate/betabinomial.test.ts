import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { BetaBinomial } from '../index.js';

describe('BetaBinomial', () => {
  it('logpmf, cdf, tails and moments match SciPy’s betabinom', () => {
    const d = BetaBinomial(12, 2.5, 1.5);
    expectClose(d.logpdf(7), -2.244955674981673, 1e-13);
    expectClose(d.cdf(7), 0.46416997909545926, 1e-13);
    expectClose(d.cdf(7.5), 0.46416997909545926, 1e-13);
    expectClose(d.logccdf(11), -2.5294289433966766, 1e-13);
    expectClose(d.mean(), 7.5, 1e-15);
    expectClose(d.var(), 9, 1e-14);
    expect(d.logpdf(13)).toBe(-Infinity);
    expect(d.logpdf(2.5)).toBe(-Infinity);
  });

  it('keeps the precision of a small upper tail and of a lower tail close to 1', () => {
    const d = BetaBinomial(40, 0.5, 8);
    expectClose(d.logccdf(30), -11.075756640595111, 1e-11);
    expectClose(d.logcdf(0), -0.9088904896405932, 1e-13);
  });

  it('partials in α and β, of the mass and of both tails', () => {
    expectDistGradients(([a, b]) => BetaBinomial(12, a!, b!), [2.5, 1.5], [0, 3, 7, 11], { discrete: true });
    expectDistGradients(([a, b]) => BetaBinomial(40, a!, b!), [0.5, 8], [0, 2, 30], { discrete: true });
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(BetaBinomial(12, 2.5, 1.5), [1e-9, 0.3, 0.5, 0.999]);
    expectRandMoments(BetaBinomial(12, 2.5, 1.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => BetaBinomial(-1, 1, 1), 'BetaBinomial: n must be a non-negative integer, got -1');
    expectArgumentError(() => BetaBinomial(3, 0, 1), 'BetaBinomial: shape α must be positive, got 0');
  });
});
