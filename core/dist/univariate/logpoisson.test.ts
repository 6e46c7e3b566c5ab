import { describe, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { LogPoisson, Poisson } from '../index.js';

describe('LogPoisson', () => {
  it('logpmf is k logλ − λ − log k!', () => {
    for (const k of [0, 2, 9]) expectClose(LogPoisson(1.2).logpdf(k), k * 1.2 - Math.exp(1.2) - lgamma(k + 1));
  });

  it('cdf equals Poisson’s at λ = exp(logλ)', () => {
    for (const k of [0, 3, 8]) expectClose(LogPoisson(1.2).logcdf(k), Poisson(Math.exp(1.2)).logcdf(k) as number, 1e-14);
  });

  it('partials in logλ', () => {
    expectDistGradients((p) => LogPoisson(p[0]), [1.2], [0, 3, 12], { discrete: true });
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(LogPoisson(1.2), [0.01, 0.5, 0.99]);
    expectRandMoments(LogPoisson(1.2));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => LogPoisson(Infinity), 'LogPoisson: logλ must be finite, got Infinity');
  });
});
