import { describe, expect, it } from 'vitest';
import { JCholesky, JChar, type Value } from '../../model/index.js';
import { getField } from '../runtime/index.js';
import { mat, nums } from '../runtime/testing.js';
import { call, construct } from './testing.js';

const A = mat([1, 2, 3], [4, 5, 6], [7, 8, 9]);

describe('triangles and Cholesky objects', () => {
  it('tril, triu and the triangular wrappers keep one triangle, as LinearAlgebra does', () => {
    expect(nums(call('tril', [A]))).toEqual([1, 4, 7, 0, 5, 8, 0, 0, 9]);
    expect(nums(call('triu', [A]))).toEqual([1, 0, 0, 2, 5, 0, 3, 6, 9]);
    expect(nums(call('tril', [A, -1]))).toEqual([0, 4, 7, 0, 0, 8, 0, 0, 0]);
    expect(nums(call('triu', [A, 1]))).toEqual([0, 0, 0, 2, 0, 0, 3, 6, 0]);
    expect(nums(call('LowerTriangular', [A]))).toEqual([1, 4, 7, 0, 5, 8, 0, 0, 9]);
    expect(nums(call('UpperTriangular', [A]))).toEqual([1, 0, 0, 2, 5, 0, 3, 6, 9]);
    expect(() => call('LowerTriangular', [mat([1, 2, 3])])).toThrow('square matrix');
  });

  it('Cholesky(L) of a triangular factor stands for L Lᵀ: the LKJCholesky tutorial’s PDMat(Cholesky(Σ_L))', () => {
    const L = mat([2, 0], [1, 3]);
    const c = call('Cholesky', [L]) as JCholesky;
    expect(c).toBeInstanceOf(JCholesky);
    expect(c.uplo).toBe('L');
    expect(nums(getField(c, 'U'))).toEqual([2, 0, 1, 3]);
    expect(nums(call('PDMat', [c]))).toEqual([4, 2, 2, 10]);
    const u = call('Cholesky', [mat([2, 1], [0, 3])]) as JCholesky;
    expect(u.uplo).toBe('U');
    expect(nums(call('PDMat', [u]))).toEqual([4, 2, 2, 10]);
    const named = call('Cholesky', [mat([2, 9], [1, 3]), new JChar('L'), 0]) as JCholesky;
    expect(nums(named.lower)).toEqual([2, 1, 0, 3]);
    expect(call('logdet', [c] as Value[])).toBeCloseTo(Math.log(36), 14);
    expect(() => call('Cholesky', [mat([1, 2], [3, 4])])).toThrow('Cholesky(A) needs a triangular factor');
  });

  it('Matrix(F) is the matrix F factors, as `return (; Omega = Matrix(F))` after `F ~ LKJCholesky(J, 1.0)` reads it', () => {
    const L = mat([2, 0], [1, 3]);
    expect(nums(construct('Matrix', [], [call('Cholesky', [L])]))).toEqual([4, 2, 2, 10]);
    expect(nums(construct('Matrix', [], [call('Cholesky', [mat([2, 1], [0, 3])])]))).toEqual([4, 2, 2, 10]);
    expect(() => construct('Vector', [], [call('Cholesky', [L])])).toThrow('dimension');
  });
});
