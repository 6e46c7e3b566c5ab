import { describe, expect, it } from 'vitest';
import { ops, type Real } from '../../ad/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Categorical } from '../index.js';

const p = [0.2, 0.5, 0.3];

describe('Categorical', () => {
  it('logpmf is log p_k on 1..K', () => {
    for (const k of [1, 2, 3]) expectClose(Categorical(p).logpdf(k), Math.log(p[k - 1]!));
    expect(Categorical(p).logpdf(0)).toBe(-Infinity);
    expect(Categorical(p).logpdf(4)).toBe(-Infinity);
    expect(Categorical(p).logpdf(1.5)).toBe(-Infinity);
  });

  it('cdf sums the masses', () => {
    expectClose(Categorical(p).cdf(2), 0.7, 1e-15);
    expectClose(Categorical(p).logccdf(1.5), Math.log(0.8), 1e-15);
    expect(Categorical(p).cdf(3)).toBe(1);
  });

  it('partials in every p_k (through p = w/Σw, so differences stay on the simplex)', () => {
    const normalised = (w: readonly Real[]) => w.map((wi) => ops.div(wi, ops.sumOf(w)));
    expectDistGradients((w) => Categorical(normalised(w)), [2, 5, 3], [1, 2, 3], { discrete: true });
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(Categorical(p), [0.1, 0.2, 0.5, 0.95]);
    expectClose(Categorical(p).mean(), 2.1, 1e-15);
    expectRandMoments(Categorical(p));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Categorical([0.5, 0.6]), 'Categorical: p must sum to 1, got a sum of 1.1');
    expectArgumentError(() => Categorical([1.5, -0.5]), 'Categorical: p[2] must be non-negative, got -0.5');
  });
});
