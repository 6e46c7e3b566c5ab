import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Pareto } from '../index.js';

describe('Pareto (shape α, scale θ)', () => {
  it('logpdf is the closed form and SciPy’s, −Inf below θ', () => {
    for (const x of [1.5, 2.2, 100]) expectClose(Pareto(2.5, 1.5).logpdf(x), Math.log(2.5) + 2.5 * Math.log(1.5) - 3.5 * Math.log(x));
    expectClose(Pareto(2.5, 1.5).logpdf(2.2), -0.8296472591303798, 1e-13);
    expect(Pareto(2.5, 1.5).logpdf(1.4999)).toBe(-Infinity);
  });

  it('cdf matches SciPy', () => {
    expectClose(Pareto(2.5, 1.5).cdf(2.2), 0.6161412492457163, 1e-13);
    expectClose(Pareto(2.5, 1.5).logccdf(15), -2.5 * Math.LN10, 1e-14);
  });

  it('partials in x, α and θ', () => {
    expectDistGradients(([a, s]) => Pareto(a, s), [2.5, 1.5], [1.6, 2.2, 30]);
  });

  it('support starts at θ; quantiles, moments and draws', () => {
    expect(Pareto(2.5, 1.5).support()).toEqual({ kind: 'lower', lower: 1.5 });
    expectQuantileRoundTrip(Pareto(2.5, 1.5), [1e-5, 0.5, 0.999]);
    expect(Pareto(1, 1).mean()).toBe(Infinity);
    expectRandMoments(Pareto(9, 1.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Pareto(1, -1), 'Pareto: scale θ must be positive, got -1');
  });
});
