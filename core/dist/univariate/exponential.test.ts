import { describe, expect, it } from 'vitest';
import { forwardGradient } from '../../ad/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Exponential } from '../index.js';

describe('Exponential (θ is the scale)', () => {
  it('logpdf is the closed form, −Inf below 0', () => {
    for (const x of [0, 1e-9, 0.7, 40]) expectClose(Exponential(2.5).logpdf(x), -Math.log(2.5) - x / 2.5);
    expect(Exponential(2.5).logpdf(-1e-9)).toBe(-Infinity);
  });

  it('cdf matches SciPy, including tiny x', () => {
    expectClose(Exponential(2.5).cdf(0.7), 0.24421625854427448, 1e-14);
    expectClose(Exponential(2.5).logcdf(1e-10), -23.94214166183461, 1e-13);
    expect(Exponential(2.5).logccdf(-1)).toBe(0);
  });

  it('partials in x and θ', () => {
    expectDistGradients(([s]) => Exponential(s), [2.5], [1e-3, 0.7, 9]);
  });

  it('logccdf’s partials stay exact where x/θ is past 2^53, as in the far tail of a censored observation', () => {
    const [x, th] = [1e12, 1e-5];
    const g = forwardGradient(([xx, tt]) => Exponential(tt!).logccdf(xx!), [x, th]);
    expectClose(g.grad[0]!, -1 / th, 1e-14, '∂/∂x');
    expectClose(g.grad[1]!, x / th ** 2, 1e-14, '∂/∂θ');
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(Exponential(2.5), [1e-12, 0.3, 0.99]);
    expectClose(Exponential(2.5).cquantile(1e-300), 2.5 * 300 * Math.LN10, 1e-14);
    expect(Exponential(2.5).mean()).toBe(2.5);
    expect(Exponential(2.5).support()).toEqual({ kind: 'lower', lower: 0 });
    expectRandMoments(Exponential(2.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Exponential(-1), 'Exponential: scale θ must be positive, got -1');
  });
});
