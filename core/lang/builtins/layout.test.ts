import { describe, expect, it } from 'vitest';
import { JArray, JTuple } from '../../model/index.js';
import { mat, nums, vec } from '../runtime/testing.js';
import { call } from './testing.js';

describe('repeat, permutedims, dropdims', () => {
  it('repeat with counts, inner and outer, as Julia (values from numpy repeat / tile)', () => {
    expect(nums(call('repeat', [vec(1, 2, 3)], { inner: 2 }))).toEqual([1, 1, 2, 2, 3, 3]);
    expect(nums(call('repeat', [vec(1, 2, 3)], { outer: 2 }))).toEqual([1, 2, 3, 1, 2, 3]);
    expect(nums(call('repeat', [vec(1, 2, 3), 2]))).toEqual([1, 2, 3, 1, 2, 3]);
    const tiled = call('repeat', [mat([1, 2], [3, 4]), 2, 3]) as JArray;
    expect(tiled.shape).toEqual([4, 6]);
    expect(nums(tiled)).toEqual([1, 3, 1, 3, 2, 4, 2, 4, 1, 3, 1, 3, 2, 4, 2, 4, 1, 3, 1, 3, 2, 4, 2, 4]);
    const rows = call('repeat', [mat([1, 2], [3, 4])], { inner: new JTuple([2, 1]) }) as JArray;
    expect(rows.shape).toEqual([4, 2]);
    expect(nums(rows)).toEqual([1, 1, 3, 3, 2, 2, 4, 4]);
    // A vector repeated into columns: the IRT tutorials' student and item indices.
    const cols = call('repeat', [vec(1, 2), 1, 3]) as JArray;
    expect(cols.shape).toEqual([2, 3]);
    expect(() => call('repeat', [vec(1), 2], { inner: 2 })).toThrow('not both');
  });

  it('permutedims flips a matrix and makes a vector a row', () => {
    const p = call('permutedims', [mat([1, 2, 3], [4, 5, 6])]) as JArray;
    expect(p.shape).toEqual([3, 2]);
    expect(nums(p)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((call('permutedims', [vec(1, 2)]) as JArray).shape).toEqual([1, 2]);
    expect(() => call('permutedims', [mat([1]), vec(1, 1)])).toThrow('not a permutation');
  });

  it('dropdims removes singleton dimensions only', () => {
    const m = call('sum', [mat([1, 2], [3, 4])], { dims: 1 });
    const v = call('dropdims', [m], { dims: 1 }) as JArray;
    expect(v.shape).toEqual([2]);
    expect(nums(v)).toEqual([4, 6]);
    expect(() => call('dropdims', [mat([1, 2], [3, 4])], { dims: 1 })).toThrow('dimension 1 has length 2, not 1');
    expect(() => call('dropdims', [m])).toThrow('dropdims needs the keyword dims');
  });
});
