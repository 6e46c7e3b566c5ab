import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { DiscreteUniform } from '../index.js';

describe('DiscreteUniform', () => {
  it('logpmf is −log(b − a + 1) on a..b', () => {
    for (const k of [-2, 0, 3]) expectClose(DiscreteUniform(-2, 3).logpdf(k), -Math.log(6));
    expect(DiscreteUniform(-2, 3).logpdf(4)).toBe(-Infinity);
    expect(DiscreteUniform(-2, 3).logpdf(0.5)).toBe(-Infinity);
  });

  it('cdf counts', () => {
    expectClose(DiscreteUniform(-2, 3).cdf(0), 0.5, 1e-15);
    expectClose(DiscreteUniform(-2, 3).ccdf(0.5), 0.5, 1e-15);
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(DiscreteUniform(-2, 3), [0.01, 0.5, 0.51, 1]);
    expect(DiscreteUniform(-2, 3).quantile(0)).toBe(-2);
    expect(DiscreteUniform(-2, 3).var()).toBeCloseTo(35 / 12, 14);
    expectRandMoments(DiscreteUniform(-2, 3));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => DiscreteUniform(3, 2), 'DiscreteUniform: a must be at most b, got a = 3, b = 2');
    expectArgumentError(() => DiscreteUniform(0.5, 2), 'DiscreteUniform: a must be an integer, got 0.5');
  });
});
