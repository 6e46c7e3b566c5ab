import { describe, expect, it } from 'vitest';
import { JArray, JRange, JSymbol, JTuple } from '../../model/index.js';
import { CartesianIndex, COLON, getIndex, lastIndex, setIndex } from './index.js';
import { mat, nums, vec } from './testing.js';

const A = mat([1, 2, 3], [4, 5, 6]);

describe('getIndex', () => {
  it('reads vectors, 1-based', () => {
    const x = vec(10, 20, 30, 40);
    expect(getIndex(x, [1])).toBe(10);
    expect(nums(getIndex(x, [new JRange(2, 1, 3)]))).toEqual([20, 30]);
    expect(nums(getIndex(x, [JArray.vector([4, 1])]))).toEqual([40, 10]);
    expect(nums(getIndex(x, [JArray.vector([true, false, true, false])]))).toEqual([10, 30]);
    expect(nums(getIndex(x, [COLON]))).toEqual([10, 20, 30, 40]);
    expect(getIndex(x, [lastIndex(x, 0, 1)])).toBe(40);
  });

  it('drops dimensions like Julia', () => {
    expect(getIndex(A, [2, 3])).toBe(6);
    const col = getIndex(A, [COLON, 2]) as JArray;
    expect(col.shape).toEqual([2]);
    expect(nums(col)).toEqual([2, 5]);
    const row = getIndex(A, [1, COLON]) as JArray;
    expect(row.shape).toEqual([3]);
    expect(nums(row)).toEqual([1, 2, 3]);
    const sub = getIndex(A, [new JRange(1, 1, 2), new JRange(2, 1, 3)]) as JArray;
    expect(sub.shape).toEqual([2, 2]);
    expect(nums(sub)).toEqual([2, 5, 3, 6]);
    expect(getIndex(A, [4])).toBe(5);
    expect(getIndex(A, [new CartesianIndex([2, 1])])).toBe(4);
    // An array of CartesianIndex picks one element per index, in the array's shape (LDA's `logθφ[CartesianIndex.(w, doc)]`).
    const picked = getIndex(A, [JArray.vector([new CartesianIndex([2, 3]), new CartesianIndex([1, 2]), new CartesianIndex([2, 1])], 'any')]) as JArray;
    expect(picked.shape).toEqual([3]);
    expect(nums(picked)).toEqual([6, 2, 4]);
    expect(() => getIndex(A, [JArray.vector([new CartesianIndex([3, 1])], 'any')])).toThrow('index CartesianIndex(3, 1) is out of bounds for a 2×3 array');
    expect(getIndex(vec(7), [1, 1])).toBe(7);
  });

  it('slices by integers, colons and ranges over every dimension as the general resolution does, errors included', () => {
    // 2×3×2, elements 1…12 in column-major order.
    const B = new JArray([2, 3, 2], Array.from({ length: 12 }, (_, k) => k + 1), 'float');
    const slice = (...ix: (number | typeof COLON | JRange)[]) => {
      const v = getIndex(B, ix) as JArray;
      return [v.shape, nums(v)];
    };
    expect(slice(2, COLON, 1)).toEqual([[3], [2, 4, 6]]);
    expect(slice(COLON, COLON, 2)).toEqual([[2, 3], [7, 8, 9, 10, 11, 12]]);
    expect(slice(1, new JRange(3, -1, 1), COLON)).toEqual([[3, 2], [5, 3, 1, 11, 9, 7]]);
    expect(slice(new JRange(2, 1, 1), 1, 1)).toEqual([[0], []]);
    expect(() => getIndex(B, [3, COLON, 1])).toThrow('index [3, :, 1] is out of bounds for a 2×3×2 array');
    expect(() => getIndex(B, [1, new JRange(2, 1, 4), 1])).toThrow('index [1, 2:4, 1] is out of bounds');
    expect(() => getIndex(B, [1, new JRange(1, 1, 2.5), 1])).toThrow('invalid index 1:2.5: indices must be integers');
  });

  it('knows what `end` means', () => {
    expect(lastIndex(A, 0, 2)).toBe(2);
    expect(lastIndex(A, 1, 2)).toBe(3);
    expect(lastIndex(A, 0, 1)).toBe(6);
    expect(lastIndex(new JRange(1, 1, 5), 0, 1)).toBe(5);
  });

  it('reads ranges and tuples', () => {
    const r = new JRange(1, 2, 9);
    expect(getIndex(r, [2])).toBe(3);
    const sub = getIndex(r, [new JRange(2, 1, 3)]) as JRange;
    expect([sub.start, sub.step, sub.last]).toEqual([3, 2, 5]);
    expect(getIndex(new JTuple([1, 'a']), [2])).toBe('a');
    expect(getIndex(3.5, [1])).toBe(3.5);
  });

  it('reports bounds and holes', () => {
    expect(() => getIndex(vec(1, 2, 3, 4), [5])).toThrow('index 5 is out of bounds for a vector of length 4');
    expect(() => getIndex(mat([1, 2], [3, 4]), [3, 1])).toThrow('index [3, 1] is out of bounds for a 2×2 array');
    expect(() => getIndex(vec(1, 2), [new JRange(1, 1, 3)])).toThrow('index 1:3 is out of bounds for a vector of length 2');
    const holes = new JArray([3], [1, 2, undefined], 'float');
    expect(() => getIndex(holes, [3])).toThrow('element [3] is used before it is assigned');
    expect(() => getIndex(vec(1, 2), [1.5])).toThrow('indices must be integers');
    // A script that passed a DataFrame indexes its columns by name (Turing issue #2771's `data[i, "γ (N/m)"] ~ …`).
    const byName = 'indexes a DataFrame\'s column, and Tilde builds no data frames: give the model each column as an argument of its own';
    expect(() => getIndex(A, [1, 'γ (N/m)' as never])).toThrow(`a name ("γ (N/m)") ${byName}`);
    expect(() => getIndex(A, [COLON, JSymbol.of('y')])).toThrow(`a name (:y) ${byName}`);
  });
});

describe('setIndex', () => {
  it('stores elements and slices', () => {
    const x = new JArray([3], [undefined, undefined, undefined], 'float');
    setIndex(x, [1], 2.5, false);
    setIndex(x, [new JRange(2, 1, 3)], vec(7, 8), false);
    expect(nums(x)).toEqual([2.5, 7, 8]);
    setIndex(x, [new JRange(2, 1, 3)], 0, true);
    expect(nums(x)).toEqual([2.5, 0, 0]);
    expect(() => setIndex(x, [new JRange(2, 1, 3)], 0, false)).toThrow('use `.=`');
  });

  it('broadcasts into matrix slices', () => {
    const M = mat([0, 0, 0], [0, 0, 0]);
    setIndex(M, [COLON, 2], vec(1, 2), false);
    setIndex(M, [1, COLON], 9, true);
    expect(nums(M)).toEqual([9, 0, 9, 2, 9, 0]);
    setIndex(M, [COLON, COLON], mat([1, 2, 3]), true);
    expect(nums(M)).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('checks element types and frozen data', () => {
    const ints = new JArray([2], [0, 0], 'int');
    expect(() => setIndex(ints, [1], 2.5, false)).toThrow('cannot store 2.5 in an integer array');
    expect(() => setIndex(vec(1, 2), [1], 'a', false)).toThrow('cannot store a string');
    const data = vec(1, 2);
    data.frozen = true;
    expect(() => setIndex(data, [1], 3, false)).toThrow('read-only');
    expect(() => setIndex(vec(1, 2), [3], 3, false)).toThrow('out of bounds');
  });
});
