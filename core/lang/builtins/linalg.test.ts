import { describe, expect, it } from 'vitest';
import { JArray, JCholesky, JTuple } from '../../model/index.js';
import { checkModel } from '../index.js';
import { binaryOp, getField, DiagonalMatrix, Pair } from '../runtime/index.js';
import { mat, nums, vec } from '../runtime/testing.js';
import { call } from './testing.js';

const S = mat([4, 2, 0.6], [2, 5, 1], [0.6, 1, 3]);

function close(actual: number[] | number, expected: number[], digits = 12): void {
  expect(actual).toEqual(expected.map((x) => expect.closeTo(x, digits)));
}

describe('linear algebra', () => {
  it('normalize, issymmetric and isposdef', () => {
    close(nums(call('normalize', [vec(3, 4)])), [0.6, 0.8]);
    close(nums(call('normalize', [vec(1, 3), 1])), [0.25, 0.75]);
    expect(call('issymmetric', [S])).toBe(true);
    expect(call('issymmetric', [mat([1, 2], [3, 4])])).toBe(false);
    expect(call('isposdef', [S])).toBe(true);
    expect(call('isposdef', [mat([1, 2], [2, 1])])).toBe(false);
  });

  it('det, logdet, inv', () => {
    const A = mat([1, 2], [3, 4]);
    expect(call('det', [A])).toBeCloseTo(-2, 12);
    expect(call('logdet', [S])).toBeCloseTo(Math.log(call('det', [S]) as number), 12);
    close(nums(call('inv', [A])), [-2, 1.5, 1, -0.5]);
    expect(() => call('logdet', [A])).toThrow('negative');
    expect(() => call('inv', [mat([1, 2], [2, 4])])).toThrow('singular');
    expect(call('det', [mat([1, 2], [2, 4])])).toBe(0);
  });

  it('cholesky with .L, .U and solves', () => {
    const C = call('cholesky', [S]) as JCholesky;
    const L = getField(C, 'L') as JArray;
    const U = getField(C, 'U') as JArray;
    close(nums(binaryOp('*', L, U)), nums(S) as number[]);
    expect(L.data[3]).toBe(0);
    const b = vec(1, 2, 3);
    close(nums(binaryOp('*', S, binaryOp('\\', C, b))), [1, 2, 3]);
    close(nums(binaryOp('*', S, binaryOp('\\', S, b))), [1, 2, 3]);
    expect(call('logdet', [C])).toBeCloseTo(call('logdet', [S]) as number, 12);
    close(nums(binaryOp('*', call('inv', [C]), S)), [1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(() => call('cholesky', [mat([1, 2], [2, 1])])).toThrow('not positive definite');
    expect(() => call('cholesky', [mat([2, 1], [0, 2])])).toThrow('not symmetric');
  });

  it('diagonals, traces, products', () => {
    const D = call('Diagonal', [vec(1, 2)]) as DiagonalMatrix;
    expect(D).toBeInstanceOf(DiagonalMatrix);
    expect(nums(D)).toEqual([1, 0, 0, 2]);
    expect(call('logdet', [D])).toBeCloseTo(Math.log(2), 14);
    expect(nums(call('inv', [D]))).toEqual([1, 0, 0, 0.5]);
    expect(nums(call('diag', [S]))).toEqual([4, 5, 3]);
    expect(nums(call('diag', [S, 1]))).toEqual([2, 1]);
    expect(call('tr', [S])).toBe(12);
    expect(nums(call('diagm', [vec(1, 2)]))).toEqual([1, 0, 0, 2]);
    expect(call('dot', [vec(1, 2), vec(3, 4)])).toBe(11);
    expect(call('norm', [vec(3, 4)])).toBe(5);
    expect(call('norm', [vec(3, -4), 1])).toBe(7);
    const K = call('kron', [mat([1, 2]), mat([1], [10])]) as JArray;
    expect(K.shape).toEqual([2, 2]);
    expect(nums(K)).toEqual([1, 10, 2, 20]);
    expect(nums(call('Symmetric', [mat([1, 2], [9, 3])]))).toEqual([1, 2, 2, 3]);
  });

  it("PDMats' wrappers stand for the matrix they wrap", () => {
    expect(nums(call('PDMat', [mat([2, 1], [1, 2])]))).toEqual([2, 1, 1, 2]);
    expect(() => call('PDMat', [mat([1, 2, 3], [4, 5, 6])])).toThrow('PDMat needs a square matrix');
    expect(nums(call('PDiagMat', [vec(2, 3)]))).toEqual([2, 0, 0, 3]);
    expect(nums(call('ScalMat', [2, 0.5]))).toEqual([0.5, 0, 0, 0.5]);
    expect(() => call('ScalMat', [-1, 0.5])).toThrow('ScalMat: the size cannot be negative, got -1');
  });

  it('Diagonal(v) as a covariance never builds its n² elements: 10⁵ variances would be 10¹⁰ of them', () => {
    const n = 100_000;
    const source = '@model function wide(y)\n    y ~ MvNormal(zeros(length(y)), Diagonal(fill(2.0, length(y))))\nend\n';
    const y = Array.from({ length: n }, (_, i) => (i % 7) / 7 - 0.5);
    const outcome = checkModel({ source, data: { text: JSON.stringify({ y }), format: 'json' } });
    if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
    const expected = y.reduce((s, x) => s - 0.5 * Math.log(2 * Math.PI * 2) - (x * x) / 4, 0);
    expect(outcome.value.loglikelihood).toBeCloseTo(expected, 6);
  });
});

describe('diagm with pairs', () => {
  it('puts each k => v on diagonal k of the smallest square matrix that holds them, as LinearAlgebra', () => {
    const A = call('diagm', [new Pair(1, vec(1, 2, 3)), new Pair(-1, vec(4, 5))]) as JArray;
    expect(A.shape).toEqual([4, 4]);
    expect(nums(A)).toEqual([0, 4, 0, 0, 1, 0, 5, 0, 0, 2, 0, 0, 0, 0, 3, 0]);
    expect(nums(call('diagm', [new Pair(0, vec(1, 2))]))).toEqual([1, 0, 0, 2]);
    expect(nums(call('diagm', [new Pair(0, vec(1, 2)), new Pair(0, vec(10, 20))]))).toEqual([11, 0, 0, 22]);
  });

  it('diagm(m, n, …) pads to m×n, and refuses bands that do not fit', () => {
    const B = call('diagm', [2, 3, new Pair(1, vec(5, 6))]) as JArray;
    expect(B.shape).toEqual([2, 3]);
    expect(nums(B)).toEqual([0, 0, 5, 0, 0, 6]);
    expect((call('diagm', [3, 3, vec(1, 2)]) as JArray).shape).toEqual([3, 3]);
    expect(() => call('diagm', [1, 1, new Pair(0, vec(1, 2))])).toThrow('diagm: the bands do not fit in a 1×1 matrix');
    expect(() => call('diagm', [vec(1), new JTuple([0, vec(1)])])).toThrow('diagm needs pairs `k => v` of a diagonal and its vector, got a vector of length 1');
  });
});
