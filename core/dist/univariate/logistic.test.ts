import { describe, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Logistic } from '../index.js';

describe('Logistic', () => {
  it('logpdf is the closed form, without overflow far out', () => {
    const lp = (x: number, m: number, s: number) => {
      const z = (x - m) / s;
      return -z - 2 * Math.log1p(Math.exp(-z)) - Math.log(s);
    };
    for (const x of [-20, -1, 0.2, 3, 50]) expectClose(Logistic(0.2, 1.5).logpdf(x), lp(x, 0.2, 1.5));
    expectClose(Logistic().logpdf(-800), -800, 1e-15);
  });

  it('cdf matches SciPy', () => {
    expectClose(Logistic(0.2, 1.5).cdf(0.7), 0.5825702064623147, 1e-14);
    expectClose(Logistic().logcdf(-50), -50, 1e-15);
    expectClose(Logistic().logccdf(50), -50, 1e-15);
  });

  it('partials in x, μ and θ', () => {
    expectDistGradients(([m, s]) => Logistic(m, s), [0.2, 1.5], [-10, 0, 0.7, 8]);
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(Logistic(0.2, 1.5), [1e-9, 0.3, 0.5, 0.999]);
    expectRandMoments(Logistic(0.2, 1.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Logistic(0, 0), 'Logistic: scale θ must be positive, got 0');
  });
});
