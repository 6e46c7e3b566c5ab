import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { LogUniform } from '../index.js';

describe('LogUniform', () => {
  it('logpdf, cdf and moments match SciPy', () => {
    const d = LogUniform(0.5, 20);
    expectClose(d.logpdf(3), -2.4039350296313464, 1e-14);
    expectClose(d.cdf(3), 0.48571917069012305, 1e-14);
    expectClose(d.mean(), 5.286158098295426, 1e-14);
    expectClose(d.var(), 26.239653067353803, 1e-13);
    expect(d.logpdf(0.4)).toBe(-Infinity);
    expect(d.support()).toEqual({ kind: 'interval', lower: 0.5, upper: 20 });
  });

  it('partials in x, a and b', () => {
    expectDistGradients(([a, b]) => LogUniform(a!, b!), [0.5, 20], [0.7, 3, 19]);
  });

  it('quantiles and draws', () => {
    // Near a the quantile is a(1 + ε), whose rounding limits cdf(quantile(p)) to ~1e-16/p relative.
    expectQuantileRoundTrip(LogUniform(0.5, 20), [1e-6, 0.3, 0.5, 1 - 1e-9]);
    expectRandMoments(LogUniform(0.5, 20));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => LogUniform(0, 1), 'LogUniform: 0 < a < b is required, got a = 0, b = 1');
    expectArgumentError(() => LogUniform(2, 1), 'LogUniform: 0 < a < b is required, got a = 2, b = 1');
  });
});
