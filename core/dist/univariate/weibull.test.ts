import { describe, expect, it } from 'vitest';
import { forwardGradient } from '../../ad/index.js';
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

  it('logccdf’s partials stay exact far in the tail, where the density and the tail share t = (x/θ)^α', () => {
    // x = 5, α = 20, θ = 0.05: t = 1e40, beyond every digit of log f − log(1 − F)
    const [x, a, s] = [5, 20, 0.05];
    const t = (x / s) ** a;
    const g = forwardGradient(([xx, aa, ss]) => Weibull(aa!, ss!).logccdf(xx!), [x, a, s]);
    expectClose(g.value, -t, 1e-13);
    [-(a * t) / x, -t * Math.log(x / s), (a * t) / s].forEach((e, i) => expectClose(g.grad[i]!, e, 1e-12, `∂/∂θ[${i}]`));
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
