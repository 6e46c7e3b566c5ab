import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { InverseGaussian } from '../index.js';

describe('InverseGaussian', () => {
  // SciPy's invgauss(mu = μ/λ, scale = λ).
  it('logpdf and both tails match SciPy', () => {
    const d = InverseGaussian(1.5, 2);
    expectClose(d.logpdf(1.2), -0.8791806114489652, 1e-14);
    expectClose(d.cdf(1.2), 0.5430299267395517, 1e-13);
    expectClose(d.logccdf(20), -12.00027789013117, 1e-12);
    expectClose(d.logcdf(0.05), -20.781728431048624, 1e-12);
    expect(d.logpdf(0)).toBe(-Infinity);
  });

  it('partials in x, μ and λ', () => {
    expectDistGradients(([m, l]) => InverseGaussian(m, l), [1.5, 2], [0.2, 1.2, 5]);
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(InverseGaussian(1.5, 2), [1e-9, 0.3, 0.5, 1 - 1e-9]);
    expectClose(InverseGaussian(1.5, 2).cquantile(1e-12), InverseGaussian(1.5, 2).quantile(1 - 1e-12), 1e-3);
    expectClose(InverseGaussian(1.5, 2).var(), 1.5 ** 3 / 2, 1e-15);
    expectRandMoments(InverseGaussian(1.5, 2));
    expectRandMoments(InverseGaussian(3, 0.2), 2);
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => InverseGaussian(1, 0), 'InverseGaussian: shape λ must be positive, got 0');
  });
});
