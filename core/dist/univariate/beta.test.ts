import { describe, expect, it } from 'vitest';
import { lbeta } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Beta } from '../index.js';

const logpdf = (x: number, a: number, b: number) => (a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - lbeta(a, b);

describe('Beta', () => {
  it('logpdf is the closed form and SciPy’s; endpoints as StatsFuns', () => {
    for (const x of [1e-6, 0.3, 0.5, 0.999]) expectClose(Beta(2.5, 1.5).logpdf(x), logpdf(x, 2.5, 1.5));
    expectClose(Beta(2.5, 1.5).logpdf(0.3), -0.3564378420678893, 1e-13);
    expect(Beta(1, 1).logpdf(0)).toBe(0);
    expectClose(Beta(1, 3).logpdf(0), Math.log(3), 1e-15);
    expect(Beta(2, 2).logpdf(1.01)).toBe(-Infinity);
  });

  it('cdf matches SciPy in both tails', () => {
    expectClose(Beta(2.5, 1.5).cdf(0.3), 0.08894372317066562, 1e-13);
    expectClose(Beta(2.5, 1.5).logcdf(1e-5), -28.07074912935124, 1e-12);
    expectClose(Beta(2.5, 1.5).logccdf(1 - 1e-6), -19.500873008621305, 1e-9);
  });

  it('partials in x, α and β', () => {
    expectDistGradients(([a, b]) => Beta(a, b), [2.5, 1.5], [0.05, 0.3, 0.9]);
    expectDistGradients(([a, b]) => Beta(a, b), [0.4, 0.7], [0.2, 0.6]);
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(Beta(2.5, 1.5), [1e-6, 0.3, 0.9]);
    expect(Beta(2, 3).support()).toEqual({ kind: 'interval', lower: 0, upper: 1 });
    expectRandMoments(Beta(2.5, 1.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Beta(1, -2), 'Beta: shape β must be positive, got -2');
  });
});
