import { describe, expect, it } from 'vitest';
import { JArray, JType } from '../../model/index.js';
import { mat, nums, vec } from '../runtime/testing.js';
import { call } from './testing.js';

/** Reference values from numpy (cov, corrcoef) and scipy (zscore with ddof = 1). */
const A = mat([1, 2, 0.5], [2, 1, 3], [4, -1, 2], [0, 3, 1]);
const a = vec(1, 2, 4, 7);
const b = vec(2, 1, 0, 5);
const close = (xs: number[]): unknown[] => xs.map((v) => expect.closeTo(v, 13));

describe('cov, cor and zscore', () => {
  it('of vectors', () => {
    expect(call('cov', [a, b])).toBeCloseTo(3.6666666666666665, 14);
    expect(call('cov', [a])).toBeCloseTo(7, 14);
    expect(call('cov', [a], { corrected: false })).toBeCloseTo(5.25, 14);
    expect(call('cor', [a, b])).toBeCloseTo(0.6415330278717848, 14);
    expect(call('cor', [a])).toBe(1);
    expect(nums(call('zscore', [a]))).toEqual(close([-0.944911182523068, -0.5669467095138409, 0.1889822365046136, 1.3228756555322951]));
  });

  it('of the columns of a matrix', () => {
    const C = call('cov', [A]) as JArray;
    expect(C.shape).toEqual([3, 3]);
    expect(nums(C)).toEqual(close([2.9166666666666665, -2.9166666666666665, 1.0416666666666665, -2.9166666666666665, 2.9166666666666665, -1.0416666666666665, 1.0416666666666665, -1.0416666666666665, 1.2291666666666665]));
    expect(nums(call('cor', [A]))).toEqual(close([1, -1, 0.5501485601695769, -1, 1, -0.5501485601695769, 0.5501485601695769, -0.5501485601695769, 1]));
    expect((call('cov', [A], { dims: 2 }) as JArray).shape).toEqual([4, 4]);
    const Z = call('zscore', [A, 1]) as JArray;
    expect((nums(Z) as number[]).slice(0, 4)).toEqual(close([-0.43915503282683993, 0.14638501094227999, 1.3174650984805198, -1.02469507659596]));
  });

  it('say what they need', () => {
    expect(() => call('cov', [a, vec(1, 2)])).toThrow('cov: the vectors have lengths 4 and 2 (DimensionMismatch)');
    expect(() => call('cor', [A, a])).toThrow('cor(x, y) needs two vectors');
    expect(() => call('zscore', [2])).toThrow('zscore needs an array, got the integer 2');
  });
});

describe("StatsBase's standardize, as Statistical Rethinking's scripts scale their data", () => {
  const x = vec(1, 2, 4, 8);
  const X = mat([1, 2], [3, 5], [4, 9]);
  const zscore = new JType('ZScoreTransform');

  it('z-scores with the corrected std, or only centres or only scales; UnitRangeTransform maps onto [0, 1] (numpy reference)', () => {
    expect(nums(call('standardize', [zscore, x]))).toEqual(close([-0.8883301383959731, -0.5653009971610737, 0.08075728530872482, 1.372873850248322]));
    expect(nums(call('standardize', [zscore, x], { center: false }))).toEqual([0.32302914, 0.64605828, 1.29211656, 2.58423313].map((v) => expect.closeTo(v, 7)));
    expect(nums(call('standardize', [zscore, x], { scale: false }))).toEqual(close([-2.75, -1.75, 0.25, 4.25]));
    expect(nums(call('standardize', [new JType('UnitRangeTransform'), x]))).toEqual(close([0, 1 / 7, 3 / 7, 1]));
  });

  it('takes a matrix by columns (dims = 1) or rows (dims = 2), and asks a matrix for its dims', () => {
    expect(nums(call('standardize', [zscore, X], { dims: 1 }))).toEqual([-1.09108945, 0.21821789, 0.87287156, -0.949158, -0.0949158, 1.0440738].map((v) => expect.closeTo(v, 7)));
    expect(nums(call('standardize', [zscore, X], { dims: 2 }))).toEqual(close([-Math.SQRT1_2, -Math.SQRT1_2, -Math.SQRT1_2, Math.SQRT1_2, Math.SQRT1_2, Math.SQRT1_2]));
    expect(() => call('standardize', [zscore, X])).toThrow('standardize of a matrix needs `dims = 1` (each column a variable) or `dims = 2` (each row a variable)');
    expect(() => call('standardize', [new JType('Float64'), x])).toThrow('standardize needs ZScoreTransform or UnitRangeTransform first, got the type Float64');
  });
});
