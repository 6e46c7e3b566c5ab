import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Uniform } from '../index.js';

describe('Uniform', () => {
  it('logpdf is −log(b − a) on the closed interval', () => {
    for (const x of [-1, 0, 2.9, 3]) expectClose(Uniform(-1, 3).logpdf(x), -Math.log(4));
    expect(Uniform(-1, 3).logpdf(3.0000001)).toBe(-Infinity);
    expectClose(Uniform().logpdf(0.5), 0);
  });

  it('cdf is linear in between', () => {
    expectClose(Uniform(-1, 3).cdf(0), 0.25, 1e-15);
    expectClose(Uniform(-1, 3).logccdf(2), Math.log(0.25), 1e-15);
    expect(Uniform(-1, 3).logcdf(-2)).toBe(-Infinity);
    expect(Uniform(-1, 3).logcdf(5)).toBe(0);
  });

  it('partials in x, a and b', () => {
    expectDistGradients(([a, b]) => Uniform(a, b), [-1, 3], [-0.5, 0.2, 2.5]);
  });

  it('support with the given bounds, quantiles, moments and draws', () => {
    expect(Uniform(-1, 3).support()).toEqual({ kind: 'interval', lower: -1, upper: 3 });
    expectQuantileRoundTrip(Uniform(-1, 3), [1e-9, 0.5, 0.99]);
    expect(Uniform(-1, 3).var()).toBeCloseTo(16 / 12, 14);
    expectRandMoments(Uniform(-1, 3));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Uniform(1, 1), 'Uniform: a must be less than b, got a = 1, b = 1');
    expectArgumentError(() => Uniform(0, Infinity), 'Uniform: b must be finite, got Infinity');
  });
});
