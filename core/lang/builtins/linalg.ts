import { ops, value, type Real } from '../../ad/index.js';
import { JArray, JCholesky, JChar, UniformScaling, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { realsOf, toInt } from '../runtime/convert.js';
import { choleskyLower, identity, luFactor, luSolve, solve } from '../runtime/linalg.js';
import { choleskySolve } from '../runtime/products.js';
import { nodeByRule } from '../runtime/rule-node.js';
import { numeric } from '../runtime/scalars.js';
import { DiagonalMatrix } from '../runtime/special-arrays.js';
import { dimsText, isArrayValue, shapeOfArray } from '../runtime/shape.js';
import { transposeArray } from '../runtime/transpose.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';
import { scalarArg } from './scalar.js';

/**
 * LinearAlgebra. det and logdet are one node each with the hand-derived partials (∂ log det A / ∂A = A⁻ᵀ),
 * computed on plain numbers; inv, `\` and cholesky are built from one-node-per-entry dot products
 * (see runtime/linalg.ts), which is O(n³) partials in all rather than the O(n⁴) of full Jacobians.
 */

interface Square {
  n: number;
  data: Real[];
}

function square(name: string, v: Value): Square {
  if (!isArrayValue(v)) return fail(`${name} needs a matrix, got ${describe(v)}`);
  const shape = shapeOfArray(v);
  if (shape.length !== 2 || shape[0] !== shape[1]) fail(`${name} needs a square matrix, got ${dimsText(shape)}`);
  return { n: shape[0]!, data: realsOf(v, name) };
}

function diagonalOf(m: Square): Real[] {
  return Array.from({ length: m.n }, (_, i) => m.data[i + i * m.n]!);
}

/**
 * log|det A| and the sign of det A from a plain-number LU; with `partials`, also ∂ log|det A| / ∂A = A⁻ᵀ
 * (for a regular A).
 */
function logAbsDet(x: ArrayLike<number>, n: number, partials?: Float64Array): { logabs: number; sign: number } {
  const lu = luFactor(Array.from({ length: n * n }, (_, k) => x[k]!), n);
  if (lu.singular) return { logabs: -Infinity, sign: 0 };
  let sign = lu.sign;
  let logabs = 0;
  for (let i = 0; i < n; i++) {
    const u = lu.rows[i]![i] as number;
    if (u < 0) sign = -sign;
    logabs += Math.log(Math.abs(u));
  }
  if (partials !== undefined) {
    const inv = luSolve(lu, identity(n), n) as number[];
    for (let k = 0; k < n * n; k++) partials[k] = inv[Math.floor(k / n) + (k % n) * n]!;
  }
  return { logabs, sign };
}

function logdet(v: Value): Real {
  if (v instanceof JCholesky) return ops.mul(2, ops.sumOf(diagonalOf(square('logdet', v.lower)).map(ops.log)));
  if (v instanceof DiagonalMatrix) return ops.sumOf(diagonalOf(square('logdet', v)).map(ops.log));
  const x = numeric(v);
  if (x !== undefined) return ops.log(x);
  const { n, data } = square('logdet', v);
  const { logabs, sign } = logAbsDet(data.map(value), n);
  if (sign < 0) fail('logdet: the determinant is negative (DomainError); use logabsdet for its absolute value');
  if (sign === 0 || data.every((a) => typeof a === 'number')) return logabs;
  // A replayed tape has no DomainError to raise: a negative determinant gives NaN there.
  return nodeByRule(data, (y, p) => {
    const r = logAbsDet(y, n, p);
    return r.sign < 0 ? NaN : r.logabs;
  });
}

function det(v: Value): Real {
  if (v instanceof JCholesky) return ops.exp(logdet(v));
  const x = numeric(v);
  if (x !== undefined) return x;
  const m = square('det', v);
  if (v instanceof DiagonalMatrix) return diagonalOf(m).reduce((a, b) => ops.mul(a, b), 1);
  const { n, data } = m;
  const { logabs, sign } = logAbsDet(data.map(value), n);
  if (data.every((a) => typeof a === 'number')) return sign * Math.exp(logabs);
  if (sign === 0) {
    // At a singular matrix A⁻ᵀ does not exist; the product of the LU pivots still carries the derivative.
    const lu = luFactor(data, n);
    return lu.rows.reduce<Real>((p, row, i) => ops.mul(p, row[i]!), lu.sign);
  }
  // ∂ det A / ∂A = det A · A⁻ᵀ
  return nodeByRule(data, (y, p) => {
    const r = logAbsDet(y, n, p);
    const d = r.sign * Math.exp(r.logabs);
    for (let k = 0; k < n * n; k++) p[k]! *= d;
    return d;
  });
}

function inv(v: Value): Value {
  if (v instanceof JCholesky) {
    const n = v.lower.shape[0]!;
    return choleskySolve(v, JArray.matrix(n, n, identity(n), 'float'));
  }
  const x = numeric(v);
  if (x !== undefined) return ops.div(1, x);
  const m = square('inv', v);
  if (v instanceof DiagonalMatrix) return new DiagonalMatrix(diagonalOf(m).map((d) => ops.div(1, d)));
  return JArray.matrix(m.n, m.n, solve(m.data, m.n, identity(m.n), m.n), 'float');
}

function checkSymmetric(m: Square): void {
  const { n, data } = m;
  for (let j = 0; j < n; j++) {
    for (let i = j + 1; i < n; i++) {
      const a = value(data[i + j * n]!);
      const b = value(data[j + i * n]!);
      if (Math.abs(a - b) > 1e-8 * Math.max(1, Math.abs(a), Math.abs(b))) {
        fail(`cholesky: the matrix is not symmetric (A[${i + 1}, ${j + 1}] = ${a}, A[${j + 1}, ${i + 1}] = ${b}); wrap it in Symmetric(A) to use its upper triangle`);
      }
    }
  }
}

function cholesky(v: Value): JCholesky {
  const m = square('cholesky', v);
  checkSymmetric(m);
  const l = choleskyLower(m.data, m.n);
  if (l === null) return fail('cholesky: the matrix is not positive definite (PosDefException)');
  const lower = JArray.matrix(m.n, m.n, l, 'float');
  // `.L` hands out this array; frozen, so a model that writes into it works on a copy.
  lower.frozen = true;
  return new JCholesky(lower, 'L');
}

/** Symmetric(A, uplo) / Hermitian(A, uplo) for real A: mirror the chosen triangle. */
function symmetric(name: string, args: Value[]): JArray {
  arity(name, args, 1, 2);
  const m = square(name, arg(args, 0));
  const uplo = args[1] instanceof JChar ? args[1].value : (args[1] ?? 'U');
  if (uplo !== 'U' && uplo !== 'L') fail(`${name}: uplo must be 'U' or 'L', got ${describe(args[1]!)}`);
  const { n, data } = m;
  const out = data.slice();
  for (let j = 0; j < n; j++) {
    for (let i = j + 1; i < n; i++) {
      const v = uplo === 'U' ? data[j + i * n]! : data[i + j * n]!;
      out[i + j * n] = v;
      out[j + i * n] = v;
    }
  }
  return JArray.matrix(n, n, out, 'float');
}

function diag(a: Value, k: number): Real[] {
  if (!isArrayValue(a) || shapeOfArray(a).length !== 2) return fail(`diag needs a matrix, got ${describe(a)}`);
  const [r, c] = shapeOfArray(a) as [number, number];
  const xs = realsOf(a, 'diag');
  const out: Real[] = [];
  for (let i = Math.max(0, -k); i < r && i + k < c; i++) out.push(xs[i + (i + k) * r]!);
  return out;
}

function norm(x: Value, p: number): Real {
  const n = numeric(x);
  if (n !== undefined) return ops.abs(n);
  const xs = realsOf(x, 'norm');
  if (p === 2) return ops.sqrt(ops.dotOf(xs, xs));
  if (p === 1) return ops.sumOf(xs.map(ops.abs));
  if (p === Infinity) return xs.map(ops.abs).reduce((a, b) => ops.max(a, b), 0);
  return ops.pow(ops.sumOf(xs.map((e) => ops.pow(ops.abs(e), p))), 1 / p);
}

function kron(a: Value, b: Value): Value {
  if (!isArrayValue(a) || !isArrayValue(b)) {
    const x = scalarArg('kron', a);
    const y = scalarArg('kron', b);
    if (x === undefined || y === undefined) return fail('kron needs numbers or arrays');
    return ops.mul(x, y);
  }
  const sa = shapeOfArray(a);
  const sb = shapeOfArray(b);
  const [p, q] = [sa[0]!, sa[1] ?? 1];
  const [r, s] = [sb[0]!, sb[1] ?? 1];
  const xa = realsOf(a, 'kron');
  const xb = realsOf(b, 'kron');
  const rows = p * r;
  const out: Real[] = new Array(rows * q * s);
  for (let j = 0; j < q; j++)
    for (let i = 0; i < p; i++)
      for (let l = 0; l < s; l++) for (let k = 0; k < r; k++) out[i * r + k + (j * s + l) * rows] = ops.mul(xa[i + j * p]!, xb[k + l * r]!);
  return sa.length === 1 && sb.length === 1 ? JArray.vector(out, 'float') : JArray.matrix(rows, q * s, out, 'float');
}

function transpose(name: string): Builtin {
  return builtin(`${name}(x)`, (args, kwargs) => {
    arity(name, args, 1);
    allowKwargs(name, kwargs);
    const x = arg(args, 0);
    if (isArrayValue(x)) return transposeArray(x);
    if (x instanceof UniformScaling || numeric(x) !== undefined) return x;
    return fail(`${name} is not defined for ${describe(x)}`);
  });
}

function one(signature: string, f: (x: Value) => Value): Builtin {
  const b = builtin(signature, (args, kwargs) => {
    arity(b.name, args, 1);
    allowKwargs(b.name, kwargs);
    return f(arg(args, 0));
  });
  return b;
}

export const linalgBuiltins: Builtin[] = [
  transpose('transpose'),
  transpose('adjoint'),
  one('det(A)', det),
  one('logdet(A)', logdet),
  one('inv(A)', inv),
  one('cholesky(A)', cholesky),
  one('tr(A)', (a) => ops.sumOf(diag(a, 0))),
  one('diagm(v)', (v) => {
    const d = realsOf(v, 'diagm');
    const n = d.length;
    const data: Real[] = new Array<Real>(n * n).fill(0);
    d.forEach((x, i) => (data[i + i * n] = x));
    return JArray.matrix(n, n, data, 'float');
  }),
  one('Diagonal(v)', (v) => {
    if (isArrayValue(v) && shapeOfArray(v).length === 2) return new DiagonalMatrix(diag(v, 0));
    return new DiagonalMatrix(realsOf(v, 'Diagonal'));
  }),
  builtin('diag(A) / diag(A, k)', (args, kwargs) => {
    arity('diag', args, 1, 2);
    allowKwargs('diag', kwargs);
    return JArray.vector(diag(arg(args, 0), args.length === 2 ? toInt(arg(args, 1), 'diag: k') : 0), 'float');
  }),
  builtin('dot(x, y)', (args, kwargs) => {
    arity('dot', args, 2);
    allowKwargs('dot', kwargs);
    const xs = realsOf(arg(args, 0), 'dot');
    const ys = realsOf(arg(args, 1), 'dot');
    if (xs.length !== ys.length) fail(`dot: dimension mismatch, lengths ${xs.length} and ${ys.length}`);
    return ops.dotOf(xs, ys);
  }),
  builtin('norm(x) / norm(x, p)', (args, kwargs) => {
    arity('norm', args, 1, 2);
    allowKwargs('norm', kwargs);
    return norm(arg(args, 0), args.length === 2 ? value(scalarArg('norm', arg(args, 1)) ?? NaN) : 2);
  }),
  builtin('kron(A, B)', (args, kwargs) => {
    arity('kron', args, 2);
    allowKwargs('kron', kwargs);
    return kron(arg(args, 0), arg(args, 1));
  }),
  builtin('Symmetric(A)', (args, kwargs) => {
    allowKwargs('Symmetric', kwargs);
    return symmetric('Symmetric', args);
  }),
  builtin('Hermitian(A)', (args, kwargs) => {
    allowKwargs('Hermitian', kwargs);
    return symmetric('Hermitian', args);
  }),
];
