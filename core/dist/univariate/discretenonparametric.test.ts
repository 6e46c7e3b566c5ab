import { describe, expect, it } from 'vitest';
import { ops, type Real } from '../../ad/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { DiscreteNonParametric } from '../index.js';

describe('DiscreteNonParametric', () => {
  it('puts each probability on its support point, the support sorted as Distributions.jl sorts it', () => {
    const d = DiscreteNonParametric([2.5, -1.5, 4, 0], [0.3, 0.1, 0.2, 0.4]);
    expectClose(d.logpdf(-1.5), Math.log(0.1), 1e-15);
    expectClose(d.logpdf(2.5), Math.log(0.3), 1e-15);
    expect(d.logpdf(1)).toBe(-Infinity);
    expectClose(d.cdf(1), 0.5, 1e-15);
    expectClose(d.ccdf(2.5), 0.2, 1e-15);
    expect(d.minimum()).toBe(-1.5);
    expect(d.maximum()).toBe(4);
    expect(d.quantile(0.45)).toBe(0);
    expectClose(d.mean(), 1.4, 1e-15);
    expectClose(d.var(), 3.3400000000000003, 1e-14);
  });

  // The last probability is 1 minus the others, so that the vector stays one under finite differences.
  it('partials in the probabilities', () => {
    const make = (p: readonly Real[]) => DiscreteNonParametric([-1.5, 0, 2.5, 4], [...p, ops.sub(1, ops.sumOf(p))]);
    expectDistGradients(make, [0.1, 0.4, 0.3], [-1.5, 0, 2.5, 4], { discrete: true });
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(DiscreteNonParametric([1, 2, 3], [0.2, 0.5, 0.3]), [0.1, 0.5, 0.9]);
    expectRandMoments(DiscreteNonParametric([-1.5, 0, 2.5, 4], [0.1, 0.4, 0.3, 0.2]));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => DiscreteNonParametric([1, 2], [0.5, 0.6]), 'DiscreteNonParametric: ps must be a probability vector (non-negative, summing to 1), but its sum is 1.1');
    expectArgumentError(() => DiscreteNonParametric([1, 1], [0.5, 0.5]), 'DiscreteNonParametric: the support xs must not repeat a value, got 1 twice');
    expectArgumentError(() => DiscreteNonParametric([1, 2, 3], [0.5, 0.5]), 'DiscreteNonParametric: the support xs and the probabilities ps must have the same length, got 3 and 2');
  });
});
