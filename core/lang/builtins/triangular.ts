import { value, type Real } from '../../ad/index.js';
import { JArray, JCholesky, JChar, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { realsOf, toInt } from '../runtime/convert.js';
import { transposeArray } from '../runtime/transpose.js';
import { isArrayValue, shapeOfArray } from '../runtime/shape.js';
import { allowKwargs, arg, arity, builtin, single, type Builtin } from './define.js';
import { square } from './linalg.js';

/**
 * Triangles of a matrix — tril, triu and LinearAlgebra's LowerTriangular / UpperTriangular, stored dense
 * with the other triangle zero — and the Cholesky object made from a triangular factor.
 */

function matrixArg(name: string, v: Value): { rows: number; cols: number; data: Real[] } {
  if (!isArrayValue(v) || shapeOfArray(v).length !== 2) return fail(`${name} needs a matrix, got ${describe(v)}`);
  const [rows, cols] = shapeOfArray(v) as [number, number];
  return { rows, cols, data: realsOf(v, name) };
}

/** The entries with j − i ≥ k (upper) or j − i ≤ k (lower) kept, the others zero. */
function triangle(name: string, v: Value, upper: boolean, k: number): JArray {
  const { rows, cols, data } = matrixArg(name, v);
  const out = data.map((x, idx) => {
    const offset = Math.floor(idx / rows) - (idx % rows);
    return (upper ? offset >= k : offset <= k) ? x : 0;
  });
  return JArray.matrix(rows, cols, out, 'float');
}

function withOffset(name: string, upper: boolean): Builtin {
  return builtin(`${name}(A) / ${name}(A, k)`, (args, kwargs) => {
    arity(name, args, 1, 2);
    allowKwargs(name, kwargs);
    return triangle(name, arg(args, 0), upper, args.length === 2 ? toInt(arg(args, 1), `${name}: k`) : 0);
  });
}

/** Whether the strict upper (or lower) triangle holds only zeros, by value: `Diagonal(σ) * L` keeps them 0. */
function isZeroTriangle(data: readonly Real[], n: number, upper: boolean): boolean {
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) if ((upper ? j > i : i > j) && value(data[i + j * n]!) !== 0) return false;
  return true;
}

function uploArg(v: Value): 'L' | 'U' {
  const u = v instanceof JChar ? v.value : undefined;
  if (u !== 'L' && u !== 'U') return fail(`Cholesky: uplo must be 'L' or 'U', got ${describe(v)}`);
  return u;
}

/**
 * `Cholesky(L)` for a lower-triangular L (`LowerTriangular(…)`, `Diagonal(σ) * F.L`) and `Cholesky(U)` for
 * an upper one; `Cholesky(factors, uplo, info)` reads the named triangle. The factorisation stands for L Lᵀ.
 */
function choleskyOf(args: Value[]): JCholesky {
  const { n, data } = square('Cholesky', arg(args, 0));
  const uplo = args.length === 3 ? uploArg(arg(args, 1)) : isZeroTriangle(data, n, true) ? 'L' : isZeroTriangle(data, n, false) ? 'U' : undefined;
  if (uplo === undefined) return fail('Cholesky(A) needs a triangular factor (LowerTriangular(L) or UpperTriangular(U)); to factorise a matrix use cholesky(A)');
  const factor = triangle('Cholesky', arg(args, 0), uplo === 'U', 0);
  const lower = uplo === 'L' ? factor : transposeArray(factor);
  lower.frozen = true;
  return new JCholesky(lower, uplo);
}

export const triangularBuiltins: Builtin[] = [
  withOffset('tril', false),
  withOffset('triu', true),
  single('LowerTriangular(A)', (a) => {
    square('LowerTriangular', a);
    return triangle('LowerTriangular', a, false, 0);
  }),
  single('UpperTriangular(A)', (a) => {
    square('UpperTriangular', a);
    return triangle('UpperTriangular', a, true, 0);
  }),
  builtin('Cholesky(L) / Cholesky(factors, uplo, info)', (args, kwargs) => {
    allowKwargs('Cholesky', kwargs);
    if (args.length !== 1 && args.length !== 3) fail(`Cholesky takes a triangular factor, or factors, uplo and info; got ${args.length} arguments`);
    return choleskyOf(args);
  }),
];
