import { describe, expect, it } from 'vitest';
import { JArray, JFunction, JRange, JTuple, type Value } from '../../model/index.js';
import { binaryOp, CartesianIndex } from '../runtime/index.js';
import { mat, nums, vec } from '../runtime/testing.js';
import { call } from './testing.js';

const A = mat([1, 2, 3], [4, 5, 6]);

describe('reductions', () => {
  it('sum, prod, mean over everything', () => {
    expect(call('sum', [A])).toBe(21);
    expect(call('prod', [vec(2, 3, 4)])).toBe(24);
    expect(call('mean', [vec(1, 2, 3, 4)])).toBe(2.5);
    expect(call('sum', [new JFunction('abs2', ([x]) => binaryOp('*', x!, x!)), vec(1, 2)])).toBe(5);
    expect(call('sum', [vec()])).toBe(0);
    expect(call('sum', [vec(true, true, false)])).toBe(2);
  });

  it('start from init, which an empty collection gives back', () => {
    expect(call('sum', [vec(1, 2)], { init: 10 })).toBe(13);
    expect(call('sum', [vec()], { init: 2.5 })).toBe(2.5);
    expect(call('sum', [new JFunction('abs2', ([x]) => binaryOp('*', x!, x!)), vec(1, 2)], { init: 1 })).toBe(6);
    expect(call('prod', [vec(2, 3)], { init: 2 })).toBe(12);
    expect(call('prod', [vec()], { init: 1 })).toBe(1);
    expect(call('maximum', [vec(1, 2)], { init: 5 })).toBe(5);
    expect(call('maximum', [vec()], { init: -Infinity })).toBe(-Infinity);
    expect(call('minimum', [vec(3, 4)], { init: 0 })).toBe(0);
    expect(nums(call('sum', [A], { dims: 1, init: 100 }))).toEqual([105, 107, 109]);
    expect(() => call('logsumexp', [vec(1)], { init: 0 })).toThrow('logsumexp has no keyword argument `init`');
  });

  it('keep the reduced dimension with dims', () => {
    const cols = call('sum', [A], { dims: 1 }) as JArray;
    expect(cols.shape).toEqual([1, 3]);
    expect(nums(cols)).toEqual([5, 7, 9]);
    const rows = call('mean', [A], { dims: 2 }) as JArray;
    expect(rows.shape).toEqual([2, 1]);
    expect(nums(rows)).toEqual([2, 5]);
    const both = call('maximum', [A], { dims: new JTuple([1, 2]) }) as JArray;
    expect(both.shape).toEqual([1, 1]);
    expect(nums(both)).toEqual([6]);
  });

  it('var and std are corrected by default', () => {
    expect(call('var', [vec(1, 2, 3, 4)])).toBeCloseTo(5 / 3, 14);
    expect(call('var', [vec(1, 2, 3, 4)], { corrected: false })).toBeCloseTo(1.25, 14);
    expect(call('std', [vec(2, 4)])).toBeCloseTo(Math.SQRT2, 14);
  });

  it('extremes and their positions', () => {
    expect(call('maximum', [vec(3, 9, 2)])).toBe(9);
    expect(call('minimum', [vec(3, 9, 2)])).toBe(2);
    expect(call('extrema', [vec(3, 9, 2)])).toEqual(new JTuple([2, 9]));
    expect(call('argmax', [vec(3, 9, 9)])).toBe(2);
    expect(call('argmin', [vec(3, 9, 2)])).toBe(3);
    expect(call('argmax', [A])).toEqual(new CartesianIndex([2, 3]));
    expect(call('maximum', [vec(1, NaN, 2)])).toBeNaN();
    expect(() => call('maximum', [vec()])).toThrow('empty');
  });

  it('running sums and products', () => {
    expect(nums(call('cumsum', [vec(1, 2, 3)]))).toEqual([1, 3, 6]);
    expect(nums(call('cumprod', [vec(1, 2, 3)]))).toEqual([1, 2, 6]);
    expect(nums(call('cumsum', [A], { dims: 2 }))).toEqual([1, 4, 3, 9, 6, 15]);
    expect(() => call('cumsum', [A])).toThrow('needs `dims`');
  });

  it('running sums, products and differences of Ints are Ints; of Bools, Ints (a product of Bools stays Bool)', () => {
    const ints = JArray.vector([1, 4, 9], 'int');
    const bools = JArray.vector([true, false, true], 'bool');
    const eltype = (name: string, x: Value): [string, Value[]] => {
      const r = call(name, [x]) as JArray;
      return [r.eltype, r.data as Value[]];
    };
    expect(eltype('cumsum', ints)).toEqual(['int', [1, 5, 14]]);
    expect(eltype('cumprod', ints)).toEqual(['int', [1, 4, 36]]);
    expect(eltype('diff', ints)).toEqual(['int', [3, 5]]);
    expect(eltype('cumsum', new JRange(1, 1, 3))).toEqual(['int', [1, 3, 6]]);
    expect(eltype('cumsum', bools)).toEqual(['int', [1, 1, 2]]);
    expect(eltype('cumprod', bools)).toEqual(['bool', [true, false, false]]);
    expect(eltype('diff', bools)).toEqual(['int', [-1, 1]]);
    expect(eltype('cumsum', vec(1, 2))).toEqual(['float', [1, 3]]);
    expect(eltype('diff', vec(1, 2))).toEqual(['float', [1]]);
  });

  it('diff: differences of neighbours, along dims for a matrix', () => {
    expect(nums(call('diff', [vec(1, 4, 9, 16)]))).toEqual([3, 5, 7]);
    const rows = call('diff', [A], { dims: 1 }) as JArray;
    expect(rows.shape).toEqual([1, 3]);
    expect(nums(rows)).toEqual([3, 3, 3]);
    expect(nums(call('diff', [A], { dims: 2 }))).toEqual([1, 1, 1, 1]);
    expect(nums(call('diff', [vec(2)]))).toEqual([]);
    expect(() => call('diff', [A])).toThrow('needs `dims`');
  });

  it('findmax and findmin give the extreme element and its index', () => {
    expect(call('findmax', [vec(3, 9, 2)])).toEqual(new JTuple([9, 2]));
    expect(call('findmin', [vec(3, 9, 2)])).toEqual(new JTuple([2, 3]));
    expect(call('findmax', [A])).toEqual(new JTuple([6, new CartesianIndex([2, 3])]));
  });

  it('softmax over each column (dims = 1, as NNlib normalises) or each row (dims = 2), values from numpy', () => {
    const X = mat([1, 2], [3, 0], [0.5, 4]);
    const close = (xs: number[]) => xs.map((v) => expect.closeTo(v, 14));
    expect(nums(call('softmax', [X], { dims: 1 }))).toEqual(close([0.11116562230242112, 0.8214090194651259, 0.06742535823245292, 0.11731042782619837, 0.015876239976466765, 0.8668133321973348]));
    expect(nums(call('softmax', [X], { dims: 2 }))).toEqual(close([0.2689414213699951, 0.9525741268224333, 0.02931223075135632, 0.7310585786300049, 0.04742587317756678, 0.9706877692486436]));
    expect(() => call('softmax', [X], { dims: 3 })).toThrow('softmax: dims must be between 1 and 2, got 3');
  });

  it('logsumexp and softmax', () => {
    expect(call('logsumexp', [vec(0, 0)])).toBeCloseTo(Math.LN2, 14);
    expect(call('logsumexp', [vec(1000, 1000)])).toBeCloseTo(1000 + Math.LN2, 10);
    const s = nums(call('softmax', [vec(0, Math.log(3))])) as number[];
    expect(s[0]).toBeCloseTo(0.25, 14);
    expect(s[1]).toBeCloseTo(0.75, 14);
    // NNlib: an infinite entry takes all the mass (shared among several), where exp(Inf − Inf) would be NaN.
    expect(nums(call('softmax', [vec(Infinity, 1)]))).toEqual([1, 0]);
    expect(nums(call('softmax', [vec(Infinity, 1, Infinity)]))).toEqual([0.5, 0, 0.5]);
  });

  it('refuse non-numbers with the element named', () => {
    expect(() => call('sum', [JArray.vector([1, 'a'])])).toThrow('sum: element [2] is a string, not a number');
    expect(() => call('sum', [new JArray([2], [1, undefined], 'float')])).toThrow('element [2] is used before it is assigned');
  });
});
