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
    expectArgumentError(() => Categorical([0.5, 0.6]), 'Categorical: p must be a probability vector (non-negative, summing to 1), but its sum is 1.1');
    expectArgumentError(() => Categorical([1.5, -0.5]), 'Categorical: p must be a probability vector (non-negative, summing to 1), but p[2] = -0.5');
  });

  it("takes Distributions' isprobvec tolerance, √eps relative to the sum whatever the length", () => {
    const p = (excess: number) => Array.from({ length: 100 }, (_, i) => 0.01 + (i === 0 ? excess : 0));
    // 5e-8 is beyond √eps ≈ 1.5e-8 of 1, though within √eps per element of 100.
    expect(() => Categorical(p(5e-8))).toThrow(/^Categorical: p must be a probability vector \(non-negative, summing to 1\), but its sum is 1\.00000005/);
    expect(Categorical(p(5e-9)).logpdf(1)).toBeCloseTo(Math.log(0.01), 6);
  });
});
