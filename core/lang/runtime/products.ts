import { ops, type Real } from '../../ad/index.js';
import { JArray, JCholesky, JRange, describe, type Value } from '../../model/index.js';
import { fail } from './errors.js';
import { realsOf, toInt } from './convert.js';
import { identity, matmul, solve, transposeReals, triangularSolve } from './linalg.js';
import { RowVector } from './special-arrays.js';
import { constantMatVec } from './constant-matvec.js';
import { dimsText, isArrayValue, shapeOfArray } from './shape.js';

/** `*`, `\`, `/` and `^` between arrays: Julia's linear-algebra meaning, not the elementwise one. */

/** Rows and columns, with a vector read as a column. */
function matrixDims(shape: readonly number[], op: string): [number, number] {
  if (shape.length === 1) return [shape[0]!, 1];
  if (shape.length === 2) return [shape[0]!, shape[1]!];
  return fail(`\`${op}\` is not defined for ${dimsText(shape)}`);
}

function squareSize(a: JArray | JRange, op: string): number {
  const shape = shapeOfArray(a);
  if (shape.length !== 2 || shape[0] !== shape[1]) fail(`\`${op}\` needs a square matrix, got ${dimsText(shape)}`);
  return shape[0]!;
}

/** Packs a product back into the kind Julia returns: vector, row vector (adjoint) or matrix. */
function result(data: Real[], rows: number, cols: number, vector: boolean, row: boolean): JArray {
  if (vector) return JArray.vector(data, 'float');
  if (row) return new RowVector(data, 'float');
  return JArray.matrix(rows, cols, data, 'float');
}

export function multiply(a: JArray | JRange, b: JArray | JRange): Value {
  const sa = shapeOfArray(a);
  const sb = shapeOfArray(b);
  const y = realsOf(b, '*');
  // A row times a vector is a number (below), not the one-element vector a matrix times a vector is.
  if (a instanceof JArray && !(a instanceof RowVector) && sb.length === 1) {
    const fast = constantMatVec(a, y);
    if (fast) return JArray.vector(fast, 'float');
  }
  const x = realsOf(a, '*');
  if (a instanceof RowVector && sb.length === 1) {
    if (x.length !== y.length) fail(`dimension mismatch: cannot multiply ${dimsText(sa)} by ${dimsText(sb)}`);
    return ops.dotOf(x, y);
  }
  if (sa.length === 1 && sb.length === 1) {
    fail("`*` of two vectors is not defined; use dot(x, y) or x' * y for the inner product, or `.*` for the elementwise product");
  }
  const [r, k] = matrixDims(sa, '*');
  const [k2, c] = matrixDims(sb, '*');
  if (k !== k2) fail(`dimension mismatch: cannot multiply ${dimsText(sa)} by ${dimsText(sb)}`);
  return result(matmul(x, y, r, k, c), r, c, sb.length === 1, a instanceof RowVector);
}

/** `A \ B` for square A. */
export function leftDivide(a: JArray | JRange, b: JArray | JRange): Value {
  const n = squareSize(a, '\\');
  const sb = shapeOfArray(b);
  const [rows, m] = matrixDims(sb, '\\');
  if (rows !== n) fail(`dimension mismatch: cannot solve ${dimsText([n, n])} \\ ${dimsText(sb)}`);
  return result(solve(realsOf(a, '\\'), n, realsOf(b, '\\'), m), n, m, sb.length === 1, false);
}

/** `A / B = (Bᵀ \ Aᵀ)ᵀ` for square B. */
export function rightDivide(a: JArray | JRange, b: JArray | JRange): Value {
  const n = squareSize(b, '/');
  const sa = shapeOfArray(a);
  const [r, c] = matrixDims(sa, '/');
  if (c !== n) fail(`dimension mismatch: cannot divide ${dimsText(sa)} by ${dimsText([n, n])}`);
  const bt = transposeReals(realsOf(b, '/'), n, n);
  const at = transposeReals(realsOf(a, '/'), r, c);
  const xt = solve(bt, n, at, r);
  return result(transposeReals(xt, n, r), r, n, false, a instanceof RowVector);
}

/** `A^p` for a square matrix and an integer p (negative powers invert first). */
export function matrixPower(a: JArray | JRange, p: Value): Value {
  const n = squareSize(a, '^');
  const k = toInt(p, 'a matrix power');
  let base = realsOf(a, '^');
  if (k < 0) base = solve(base, n, identity(n), n);
  let out: Real[] = identity(n);
  for (let i = 0; i < Math.abs(k); i++) out = matmul(out, base, n, n, n);
  return JArray.matrix(n, n, out, 'float');
}

/** `cholesky(A) \ b`: two triangular solves with the stored lower factor. */
export function choleskySolve(c: JCholesky, b: Value): Value {
  if (!isArrayValue(b)) return fail(`\`\\\` is not defined for a Cholesky factorisation and ${describe(b)}`);
  const l = realsOf(c.lower, '\\');
  const n = c.lower.shape[0]!;
  const sb = shapeOfArray(b);
  const [rows, m] = matrixDims(sb, '\\');
  if (rows !== n) fail(`dimension mismatch: cannot solve ${dimsText([n, n])} \\ ${dimsText(sb)}`);
  const y = triangularSolve(l, n, realsOf(b, '\\'), m, true);
  const x = triangularSolve(transposeReals(l, n, n), n, y, m, false);
  return result(x, n, m, sb.length === 1, false);
}
