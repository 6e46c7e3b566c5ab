import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Rayleigh } from '../index.js';

describe('Rayleigh', () => {
  it('logpdf, cdf and the upper tail match SciPy', () => {
    expectClose(Rayleigh(1.5).logpdf(2), -1.0066719245452724, 1e-14);
    expectClose(Rayleigh(1.5).cdf(2), 0.5888877094928125, 1e-14);
    expectClose(Rayleigh(1.5).logccdf(10), -22.222222222222225, 1e-14);
    expect(Rayleigh(1.5).logpdf(-0.1)).toBe(-Infinity);
  });

  it('partials in x and σ', () => {
    expectDistGradients(([s]) => Rayleigh(s), [1.5], [0.1, 2, 6]);
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(Rayleigh(1.5), [1e-9, 0.3, 0.5, 1 - 1e-9]);
    expectClose(Rayleigh(1.5).mean(), 1.5 * Math.sqrt(Math.PI / 2), 1e-15);
    expectRandMoments(Rayleigh(1.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Rayleigh(0), 'Rayleigh: scale σ must be positive, got 0');
  });
});
