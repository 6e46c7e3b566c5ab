import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Kumaraswamy } from '../index.js';

describe('Kumaraswamy', () => {
  // SciPy has no Kumaraswamy: the closed forms in mpmath at 40 digits.
  it('logpdf, cdf and mean match the closed forms', () => {
    const d = Kumaraswamy(2, 3);
    expectClose(d.logpdf(0.4), 0.5267619630643444, 1e-14);
    expectClose(d.cdf(0.4), 0.407296, 1e-14);
    expectClose(d.mean(), 0.45714285714285713, 1e-14);
    expect(d.logpdf(1.1)).toBe(-Infinity);
    expect(Kumaraswamy(1, 1).logpdf(0)).toBe(0);
  });

  it('partials in x, a and b', () => {
    expectDistGradients(([a, b]) => Kumaraswamy(a, b), [2, 3], [0.05, 0.4, 0.9]);
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(Kumaraswamy(2, 3), [1e-9, 0.3, 0.5, 1 - 1e-9]);
    expectRandMoments(Kumaraswamy(2, 3));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Kumaraswamy(0, 1), 'Kumaraswamy: a must be positive, got 0');
  });
});
