import { describe, expect, it } from 'vitest';
import { forwardGradient, type Real } from '../../ad/index.js';
import { JArray } from '../../model/index.js';
import { mat, nums, vec } from '../runtime/testing.js';
import { call } from './testing.js';

const x = vec(3.1, -1.2, 7.5, 0.4, 2.2, 9.9, -4.0);

describe('median and quantile', () => {
  it('follow Statistics (type 7: linear between order statistics), values from numpy', () => {
    expect(call('median', [x])).toBe(2.2);
    expect(call('median', [vec(3.1, -1.2, 7.5, 0.4, 2.2, 9.9)])).toBeCloseTo(2.65, 14);
    expect(call('quantile', [x, 0.25])).toBeCloseTo(-0.4, 14);
    expect(nums(call('quantile', [x, vec(0.1, 0.9)]))).toEqual([expect.closeTo(-2.32, 13), expect.closeTo(8.46, 13)]);
    expect(call('quantile', [x, 0])).toBe(-4);
    expect(call('quantile', [x, 1])).toBe(9.9);
  });

  it('median along dims keeps the dimension, as the other reductions do', () => {
    const cols = call('median', [mat([1, 5], [3, 2], [2, 9])], { dims: 1 }) as JArray;
    expect(cols.shape).toEqual([1, 2]);
    expect(nums(cols)).toEqual([2, 5]);
  });

  it('median of a collection holding NaN is NaN, as in Statistics; quantile refuses it', () => {
    expect(call('median', [vec(1, NaN, 3)])).toBeNaN();
    expect(() => call('quantile', [vec(1, NaN), 0.5])).toThrow('quantile: the collection contains NaN');
  });

  it('refuse an empty collection and a level outside [0, 1]', () => {
    expect(() => call('median', [vec()])).toThrow('median of an empty collection');
    expect(() => call('quantile', [x, 1.5])).toThrow('the probability must be in [0, 1], got 1.5');
  });

  it('differentiate as the weighted order statistics they are', () => {
    const g = forwardGradient((t: readonly Real[]) => call('quantile', [JArray.vector(t.slice(), 'float'), 0.25]) as Real, [3, 1, 2, 5, 4]);
    // h = 4 · 0.25 = 1: exactly the second smallest element, the third input (2).
    expect(g.value).toBe(2);
    expect([...g.grad]).toEqual([0, 0, 1, 0, 0]);
    const m = forwardGradient((t: readonly Real[]) => call('median', [JArray.vector(t.slice(), 'float')]) as Real, [4, 1, 3, 2]);
    expect([...m.grad]).toEqual([0, 0, 0.5, 0.5]);
  });
  it("StatsBase's mad: the median absolute deviation, scaled to a normal's σ unless normalize = false (values from scipy)", () => {
    expect(call('mad', [x])).toBeCloseTo(5.040847542919047, 13);
    expect(call('mad', [x], { normalize: false })).toBeCloseTo(3.4, 13);
    expect(call('mad', [x], { center: 1, normalize: false })).toBeCloseTo(2.2, 13);
  });
});
