import { describe, expect, it } from 'vitest';
import { gamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Weibull } from '../index.js';

describe('Weibull (shape α, scale θ)', () => {
  it('logpdf is the closed form and SciPy’s', () => {
    const lp = (x: number, a: number, s: number) => Math.log(a / s) + (a - 1) * Math.log(x / s) - (x / s) ** a;
    for (const x of [1e-5, 0.7, 2, 6]) expectClose(Weibull(2.5, 1.5).logpdf(x), lp(x, 2.5, 1.5));
    expectClose(Weibull(2.5, 1.5).logpdf(0.7), -0.7811549987582863, 1e-13);
    expect(Weibull(1, 2).logpdf(0)).toBe(-Math.log(2));
    expect(Weibull(1, 2).logpdf(-1)).toBe(-Infinity);
  });

  it('cdf matches SciPy', () => {
    expectClose(Weibull(2.5, 1.5).cdf(0.7), 0.13823317060683102, 1e-13);
    expectClose(Weibull(2.5, 1.5).logccdf(6), -(4 ** 2.5), 1e-14);
  });

  it('partials in x, α and θ', () => {
    expectDistGradients(([a, s]) => Weibull(a, s), [2.5, 1.5], [0.1, 0.7, 2.5]);
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(Weibull(2.5, 1.5), [1e-10, 0.5, 0.999]);
    expectClose(Weibull(2.5, 1.5).mean(), 1.5 * gamma(1.4), 1e-14);
    expectRandMoments(Weibull(2.5, 1.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Weibull(0, 1), 'Weibull: shape α must be positive, got 0');
  });
});
