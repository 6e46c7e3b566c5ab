import { describe, expect, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { InverseGamma } from '../index.js';

const logpdf = (x: number, a: number, s: number) => a * Math.log(s) - lgamma(a) - (a + 1) * Math.log(x) - s / x;

describe('InverseGamma (shape α, scale θ)', () => {
  it('logpdf is the closed form and SciPy’s', () => {
    for (const x of [0.01, 0.7, 3, 500]) expectClose(InverseGamma(2.5, 1.5).logpdf(x), logpdf(x, 2.5, 1.5));
    expectClose(InverseGamma(2.5, 1.5).logpdf(0.7), -0.165514939274088, 1e-13);
    expect(InverseGamma(2.5, 1.5).logpdf(0)).toBe(-Infinity);
  });

  it('cdf matches SciPy', () => {
    expectClose(InverseGamma(2.5, 1.5).cdf(0.7), 0.5090551634778031, 1e-13);
    expectClose(InverseGamma(2.5, 1.5).logccdf(500), -15.725973731161565, 1e-12);
  });

  it('partials in x, α and θ', () => {
    expectDistGradients(([a, s]) => InverseGamma(a, s), [2.5, 1.5], [0.1, 0.7, 5]);
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(InverseGamma(2.5, 1.5), [1e-8, 0.3, 0.9]);
    expect(InverseGamma(0.5, 1).mean()).toBe(Infinity);
    expect(InverseGamma(1.5, 1).var()).toBe(Infinity);
    expectRandMoments(InverseGamma(9, 4));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => InverseGamma(0, 1), 'InverseGamma: shape α must be positive, got 0');
  });
});
