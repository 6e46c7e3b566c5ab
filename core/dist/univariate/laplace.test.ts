import { describe, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Laplace } from '../index.js';

describe('Laplace', () => {
  it('logpdf is the closed form', () => {
    for (const x of [-30, -1, 0.2, 0.21, 5]) expectClose(Laplace(0.2, 1.5).logpdf(x), -Math.abs(x - 0.2) / 1.5 - Math.log(3));
  });

  it('cdf matches SciPy', () => {
    expectClose(Laplace(0.2, 1.5).cdf(0.7), 0.6417343447131054, 1e-14);
    expectClose(Laplace(0.2, 1.5).logccdf(-3), -0.06104693264068258, 1e-14);
    expectClose(Laplace().logcdf(-700), -700 - Math.LN2, 1e-15);
  });

  it('partials in x, μ and b (away from the kink at μ)', () => {
    expectDistGradients(([m, b]) => Laplace(m, b), [0.2, 1.5], [-4, -0.1, 0.6, 6]);
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(Laplace(0.2, 1.5), [1e-12, 0.25, 0.5, 0.75, 1 - 1e-9]);
    expectRandMoments(Laplace(0.2, 1.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Laplace(0, -1), 'Laplace: scale b must be positive, got -1');
  });
});
