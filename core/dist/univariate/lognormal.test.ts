import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { LogNormal } from '../index.js';

describe('LogNormal', () => {
  it('logpdf is the closed form and SciPy’s', () => {
    const lp = (x: number, m: number, s: number) => -0.5 * ((Math.log(x) - m) / s) ** 2 - Math.log(x * s * Math.sqrt(2 * Math.PI));
    for (const x of [1e-5, 0.5, 2.2, 100]) expectClose(LogNormal(0.3, 0.8).logpdf(x), lp(x, 0.3, 0.8));
    expectClose(LogNormal(0.3, 0.8).logpdf(2.2), -1.6706512429531948, 1e-13);
    expect(LogNormal().logpdf(0)).toBe(-Infinity);
  });

  it('cdf matches SciPy', () => {
    expectClose(LogNormal(0.3, 0.8).cdf(2.2), 0.7292584187763245, 1e-13);
  });

  it('partials in x, μ and σ', () => {
    expectDistGradients(([m, s]) => LogNormal(m, s), [0.3, 0.8], [0.1, 2.2, 30]);
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(LogNormal(0.3, 0.8), [1e-10, 0.5, 0.999]);
    expectClose(LogNormal(0.3, 0.8).mean(), Math.exp(0.3 + 0.32), 1e-14);
    expectRandMoments(LogNormal(0.3, 0.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => LogNormal(0, -0.1), 'LogNormal: σ must be positive, got -0.1');
  });
});
