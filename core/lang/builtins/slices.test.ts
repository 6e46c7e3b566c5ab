import { describe, expect, it } from 'vitest';
import { JArray, JFunction, JTuple, type Value } from '../../model/index.js';
import { binaryOp } from '../runtime/index.js';
import { mat, nums, vec } from '../runtime/testing.js';
import { builtins } from './index.js';
import { call } from './testing.js';

const A = mat([1, 2, 3], [4, 5, 6]);
const fn = (f: (x: Value) => Value): JFunction => new JFunction('f', ([x]) => f(x!));

describe('eachslice', () => {
  it('dims = 1 gives the rows, dims = 2 the columns, as vectors', () => {
    const rows = call('eachslice', [A], { dims: 1 }) as JArray;
    expect(rows.shape).toEqual([2]);
    expect(rows.data.map((r) => nums(r as JArray))).toEqual([[1, 2, 3], [4, 5, 6]]);
    const cols = call('eachslice', [A], { dims: 2 }) as JArray;
    expect(cols.data.map((c) => nums(c as JArray))).toEqual([[1, 4], [2, 5], [3, 6]]);
  });

  it('of a 3-d array, each slice is a matrix', () => {
    const B = new JArray([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8], 'float');
    const pages = call('eachslice', [B], { dims: 3 }) as JArray;
    expect(pages.data.map((p) => [(p as JArray).shape, nums(p as JArray)])).toEqual([
      [[2, 2], [1, 2, 3, 4]],
      [[2, 2], [5, 6, 7, 8]],
    ]);
  });

  it('needs dims within the array', () => {
    expect(() => call('eachslice', [A])).toThrow('eachslice needs the keyword dims');
    expect(() => call('eachslice', [A], { dims: 3 })).toThrow('eachslice: dims 3 is out of range for a 2×3 array');
  });
});

describe('mapslices', () => {
  it('f of each slice spanning dims; a number keeps the dimension with size 1', () => {
    const sums = call('mapslices', [builtins.get('sum')!, A], { dims: 1 }) as JArray;
    expect([sums.shape, nums(sums)]).toEqual([[1, 3], [5, 7, 9]]);
    const rowSums = call('mapslices', [builtins.get('sum')!, A], { dims: 2 }) as JArray;
    expect([rowSums.shape, nums(rowSums)]).toEqual([[2, 1], [6, 15]]);
  });

  it('a vector value fills the slice’s dimension with its own length', () => {
    const normalised = call('mapslices', [fn((r) => binaryOp('/', r, call('sum', [r]))), A], { dims: 2 }) as JArray;
    expect(normalised.shape).toEqual([2, 3]);
    expect(nums(normalised)).toEqual([1 / 6, 4 / 15, 2 / 6, 5 / 15, 3 / 6, 6 / 15]);
    const grown = call('mapslices', [fn((c) => call('vcat', [c, call('sum', [c])])), A], { dims: 1 }) as JArray;
    expect([grown.shape, nums(grown)]).toEqual([[3, 3], [1, 4, 5, 2, 5, 7, 3, 6, 9]]);
  });

  it('refuses values of different sizes, or that are no numbers', () => {
    let n = 0;
    expect(() => call('mapslices', [fn((c) => (n++ === 0 ? c : 1)), A], { dims: 1 })).toThrow('mapslices: f must return values of one size, got a 2-element vector and a scalar');
    expect(() => call('mapslices', [fn(() => new JTuple([])), vec(1)], { dims: 1 })).toThrow('mapslices: the function must return a number or an array, got a tuple of 0');
  });
});
