import { describe, expect, it } from 'vitest';
import { JArray, JCholesky, JNamedTuple, UniformScaling } from '../../model/index.js';
import { binaryOp, broadcast, compareOp, getField, RowVector, setIndex } from './index.js';
import { mat, nums, vec } from './testing.js';

describe('getField', () => {
  it('reads Cholesky factors and named tuples', () => {
    const c = new JCholesky(mat([2, 0], [1, 3]));
    expect(nums(getField(c, 'L'))).toEqual([2, 1, 0, 3]);
    expect(nums(getField(c, 'U'))).toEqual([2, 0, 1, 3]);
    expect(nums(getField(new JCholesky(mat([2, 0], [1, 3]), 'U'), 'UL'))).toEqual([2, 0, 1, 3]);
    expect(getField(new JNamedTuple(new Map([['a', 1]])), 'a')).toBe(1);
    expect(getField(new UniformScaling(3), 'λ')).toBe(3);
    expect(() => getField(c, 'Q')).toThrow('has the fields L, U and UL');
    expect(() => getField(vec(1), 'x')).toThrow('a vector of length 1 has no field x');
  });
});

describe('idioms from Turing models', () => {
  it("x' * y and x' * A * y are scalars; x' * A stays a row", () => {
    const xt = new RowVector([1, 2]);
    const A = mat([1, 2], [3, 4]);
    const xtA = binaryOp('*', xt, A);
    expect(xtA).toBeInstanceOf(RowVector);
    expect(nums(xtA)).toEqual([7, 10]);
    expect(binaryOp('*', xtA, vec(1, 1))).toBe(17);
    expect(binaryOp('*', binaryOp('*', 2, xt), vec(1, 1))).toBe(6);
  });

  it('x[x .< 0] .= 0 clamps through a Bool mask', () => {
    const x = vec(-1, 2, -3);
    const mask = broadcast(([v, c]) => compareOp('<', v!, c!), [x, 0]);
    setIndex(x, [mask as JArray], 0, true);
    expect(nums(x)).toEqual([0, 2, 0]);
  });

  it('I scales vectors and shifts matrices', () => {
    expect(nums(binaryOp('*', new UniformScaling(1), vec(3, 4)))).toEqual([3, 4]);
    expect(nums(binaryOp('\\', new UniformScaling(2), vec(3, 4)))).toEqual([1.5, 2]);
    const s = binaryOp('*', new UniformScaling(1), 0.5) as UniformScaling;
    expect(s.lambda).toBe(0.5);
  });

  it('three-way broadcasting expands each argument', () => {
    const r = broadcast(([a, b, c]) => binaryOp('+', binaryOp('*', a!, b!), c!), [vec(1, 2), mat([10, 20, 30]), 1]);
    expect(nums(r)).toEqual([11, 21, 21, 41, 31, 61]);
  });
});
