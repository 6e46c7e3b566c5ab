import { describe, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Gumbel } from '../index.js';

describe('Gumbel', () => {
  it('logpdf is the closed form and matches SciPy', () => {
    const lp = (x: number, m: number, s: number) => -(x - m) / s - Math.exp(-(x - m) / s) - Math.log(s);
    for (const x of [-3, 0, 0.7, 10, 60]) expectClose(Gumbel(0.2, 1.5).logpdf(x), lp(x, 0.2, 1.5));
    expectClose(Gumbel(0.2, 1.5).logpdf(0.7), -1.455329752015287, 1e-14);
  });

  it('cdf matches SciPy, including the upper tail', () => {
    expectClose(Gumbel(0.2, 1.5).cdf(0.7), 0.4884435800065159, 1e-14);
    expectClose(Gumbel().logccdf(30), -30.000000000000046, 1e-14);
  });

  it('partials in x, μ and θ', () => {
    expectDistGradients(([m, s]) => Gumbel(m, s), [0.2, 1.5], [-2, 0.4, 3, 20]);
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(Gumbel(0.2, 1.5), [1e-9, 0.3, 0.5, 1 - 1e-9]);
    expectRandMoments(Gumbel(0.2, 1.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Gumbel(0, NaN), 'Gumbel: scale θ must be positive, got NaN');
  });
});
