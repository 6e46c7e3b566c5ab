import { describe, expect, it } from 'vitest';
import { JArray, MISSING, UniformScaling } from '../../model/index.js';
import { binaryOp, unaryOp, RowVector } from './index.js';
import { mat, nums, vec } from './testing.js';

describe('scalar operators', () => {
  it('follow Julia', () => {
    expect(binaryOp('+', 1, 2)).toBe(3);
    expect(binaryOp('/', 1, 2)).toBe(0.5);
    expect(binaryOp('÷', 7, 2)).toBe(3);
    expect(binaryOp('÷', -7, 2)).toBe(-3);
    expect(binaryOp('%', -7, 3)).toBe(-1);
    expect(binaryOp('^', -2, 2)).toBe(4);
    expect(binaryOp('^', 2, -1)).toBe(0.5);
    expect(binaryOp('\\', 2, 6)).toBe(3);
    expect(binaryOp('+', true, true)).toBe(2);
    expect(binaryOp('&', true, false)).toBe(false);
    expect(binaryOp('|', true, false)).toBe(true);
    expect(binaryOp('⊻', true, true)).toBe(false);
    expect(binaryOp('&', 6, 3)).toBe(2);
    expect(binaryOp('+', MISSING, 1)).toBe(MISSING);
    expect(binaryOp('*', 'ab', 'c')).toBe('abc');
  });

  it('unary', () => {
    expect(unaryOp('-', 3)).toBe(-3);
    expect(unaryOp('-', true)).toBe(-1);
    expect(unaryOp('!', true)).toBe(false);
    expect(() => unaryOp('!', 1)).toThrow('`!` needs a Bool, got the integer 1');
    expect(nums(unaryOp('-', vec(1, 2)))).toEqual([-1, -2]);
  });
});

describe('array operators', () => {
  it('adds equal shapes and refuses array + scalar', () => {
    expect(nums(binaryOp('+', vec(1, 2), vec(3, 4)))).toEqual([4, 6]);
    expect(() => binaryOp('+', vec(1, 2, 3), vec(1, 2))).toThrow('dimension mismatch: a 3-element vector and a 2-element vector');
    expect(() => binaryOp('+', vec(1, 2), 1)).toThrow('use `.+`');
  });

  it('adds shapes equal up to trailing singleton dimensions, as Julia does (y = intercept .+ X * β + randn(N) * σ with X N×1, Turing issue #1525)', () => {
    const column = mat([1], [2], [3]);
    const sum = binaryOp('-', column, vec(10, 20, 30)) as JArray;
    expect(sum.shape).toEqual([3, 1]);
    expect(nums(sum)).toEqual([-9, -18, -27]);
    expect((binaryOp('+', vec(10, 20, 30), column) as JArray).shape).toEqual([3, 1]);
    expect(() => binaryOp('+', mat([1, 2], [3, 4]), vec(1, 2))).toThrow('dimension mismatch: a 2×2 matrix and a 2-element vector');
  });

  it('multiplies like linear algebra', () => {
    const A = mat([1, 2], [3, 4]);
    expect(nums(binaryOp('*', A, vec(1, 1)))).toEqual([3, 7]);
    expect(nums(binaryOp('*', A, A))).toEqual([7, 15, 10, 22]);
    expect(nums(binaryOp('*', 2, vec(1, 2)))).toEqual([2, 4]);
    expect(nums(binaryOp('/', vec(2, 4), 2))).toEqual([1, 2]);
    const row = new RowVector([1, 2, 3]);
    expect(binaryOp('*', row, vec(1, 1, 1))).toBe(6);
    const outer = binaryOp('*', vec(1, 2), new RowVector([3, 4])) as JArray;
    expect(outer.shape).toEqual([2, 2]);
    expect(nums(outer)).toEqual([3, 6, 4, 8]);
    expect(() => binaryOp('*', vec(1, 2), vec(1, 2))).toThrow('dot(x, y)');
    expect(() => binaryOp('*', A, vec(1, 2, 3))).toThrow('dimension mismatch: cannot multiply a 2×2 matrix by a 3-element vector');
  });

  it('solves and divides', () => {
    const A = mat([4, 1], [2, 3]);
    expect(nums(binaryOp('\\', A, vec(1, 2)))).toEqual([0.1, 0.6].map((x) => expect.closeTo(x, 12)));
    const L = mat([2, 0], [1, 1]);
    expect(nums(binaryOp('\\', L, vec(2, 3)))).toEqual([1, 2]);
    const X = binaryOp('/', mat([1, 2]), A) as JArray;
    expect(X.shape).toEqual([1, 2]);
    expect(nums(binaryOp('*', X, A))).toEqual([1, 2].map((x) => expect.closeTo(x, 12)));
    expect(nums(binaryOp('^', A, 2))).toEqual(nums(binaryOp('*', A, A)));
    expect(() => binaryOp('\\', mat([1, 2], [2, 4]), vec(1, 2))).toThrow('singular');
  });

  it('works with I', () => {
    const A = mat([1, 2], [3, 4]);
    expect(nums(binaryOp('+', A, new UniformScaling(1)))).toEqual([2, 3, 2, 5]);
    expect(nums(binaryOp('-', new UniformScaling(1), A))).toEqual([0, -3, -2, -3]);
    const s = binaryOp('*', 2, new UniformScaling(1)) as UniformScaling;
    expect(s.lambda).toBe(2);
    expect(nums(binaryOp('+', A, s))).toEqual([3, 3, 2, 6]);
    expect(nums(binaryOp('*', s, vec(1, 2)))).toEqual([2, 4]);
    expect(() => binaryOp('+', vec(1, 2), s)).toThrow('square matrix');
  });
});
