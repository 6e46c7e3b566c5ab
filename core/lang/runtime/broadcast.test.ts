import { describe, expect, it } from 'vitest';
import { JArray, JRange, JTuple, UniformScaling } from '../../model/index.js';
import { binaryOp, broadcast, compareOp, RowVector } from './index.js';
import { mat, nums, vec } from './testing.js';

const add = (a: Parameters<typeof binaryOp>[1], b: Parameters<typeof binaryOp>[2]) => broadcast(([x, y]) => binaryOp('+', x!, y!), [a, b]);

describe('broadcast', () => {
  it('expands scalars and singleton dimensions', () => {
    expect(nums(add(vec(1, 2), 10))).toEqual([11, 12]);
    const outer = add(vec(1, 2), new RowVector([10, 20, 30])) as JArray;
    expect(outer.shape).toEqual([2, 3]);
    expect(nums(outer)).toEqual([11, 12, 21, 22, 31, 32]);
    const cols = add(vec(1, 2), mat([0, 0, 0], [1, 1, 1])) as JArray;
    expect(cols.shape).toEqual([2, 3]);
    expect(nums(cols)).toEqual([1, 3, 1, 3, 1, 3]);
    expect(nums(add(new JRange(1, 1, 3), new JTuple([1, 1, 1])))).toEqual([2, 3, 4]);
  });

  it('returns a scalar for scalar arguments, Bool arrays for comparisons', () => {
    expect(add(1, 2)).toBe(3);
    expect(nums(add(new JArray([], [5]), vec(1, 2)))).toEqual([6, 7]);
    const mask = broadcast(([x, y]) => compareOp('>', x!, y!), [vec(1, 5), 2]) as JArray;
    expect(mask.eltype).toBe('bool');
    expect(mask.data).toEqual([false, true]);
  });

  it('reports shape mismatches', () => {
    expect(() => add(vec(1, 2, 3), vec(1, 2))).toThrow('cannot broadcast a 3-element vector with a 2-element vector');
    expect(() => add(vec(1, 2), new UniformScaling(1))).toThrow('cannot broadcast the identity I');
  });

  it('keeps row vectors', () => {
    expect(broadcast(([x]) => binaryOp('*', x!, 2), [new RowVector([1, 2])])).toBeInstanceOf(RowVector);
  });
});
