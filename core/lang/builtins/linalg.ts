import { checkDomainOf, nodeByRule, ops, value, type Real } from '../../ad/index.js';
import { ArgumentDomainError, JArray, JCholesky, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { realsOf } from '../runtime/convert.js';
import { choleskyLower, identity, luFactor, luSolve, matmul, notPositiveDefinite, solve } from '../runtime/linalg.js';
import { choleskySolve } from '../runtime/products.js';
import { numeric } from '../runtime/scalars.js';
import { dependsOn } from '../runtime/dependence.js';
import { DiagonalMatrix } from '../runtime/special-arrays.js';
import { dimsText, isArrayValue, shapeOfArray } from '../runtime/shape.js';
import { single, type Builtin } from './define.js';

/**
 * LinearAlgebra's factorisations. det and logdet are one node each with the hand-derived partials (∂ log det A / ∂A = A⁻ᵀ),
 * computed on plain numbers; inv, `\` and cholesky are built from one-node-per-entry dot products
 * (see runtime/linalg.ts), which is O(n³) partials in all rather than the O(n⁴) of full Jacobians.
 */

interface Square {
  n: number;
  data: Real[];
}

export function square(name: string, v: Value): Square {
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
  if (sign < 0) throw negativeDeterminant();
  if (sign === 0 || data.every((a) => typeof a === 'number')) return logabs;
  // A replay gives NaN at a negative determinant, which the check kept on a compiled tape turns into the
  // error above, also where nothing the tape's output needs reads the logdet.
  const out = nodeByRule(data, (y, p) => {
    const r = logAbsDet(y, n, p);
    return r.sign < 0 ? NaN : r.logabs;
  });
  checkDomainOf([out, ...data], notNegativeDeterminant, negativeDeterminant);
  return out;
}

/** Of the values drawn, which a sampler passes over, as other DomainErrors. */
function negativeDeterminant(): Error {
  return new ArgumentDomainError('logdet: the determinant is negative (DomainError); use logabsdet for its absolute value', undefined);
}

/** Over [logdet A, A…]: a NaN logdet comes from a negative determinant unless an entry of A is NaN. */
function notNegativeDeterminant(v: ArrayLike<number>): boolean {
  if (!Number.isNaN(v[0])) return true;
  for (let k = 1; k < v.length; k++) if (Number.isNaN(v[k])) return true;
  return false;
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

/** Whether A equals its transpose exactly, as LinearAlgebra's issymmetric compares. */
function issymmetric(v: Value): boolean {
  const { n, data } = square('issymmetric', v);
  dependsOn('`issymmetric`', data);
  for (let j = 0; j < n; j++) for (let i = j + 1; i < n; i++) if (value(data[i + j * n]!) !== value(data[j + i * n]!)) return false;
  return true;
}

/** Symmetric, and its Cholesky factorisation succeeds: LinearAlgebra's isposdef. */
function isposdef(v: Value): boolean {
  const { n, data } = square('isposdef', v);
  return issymmetric(v) && choleskyLower(data.map(value), n) !== null;
}

function cholesky(v: Value): JCholesky {
  const m = square('cholesky', v);
  checkSymmetric(m);
  const l = choleskyLower(m.data, m.n);
  if (l === null) throw notPositiveDefinite();
  const lower = JArray.matrix(m.n, m.n, l, 'float');
  // `.L` hands out this array; frozen, so a model that writes into it works on a copy.
  lower.frozen = true;
  return new JCholesky(lower, 'L');
}

/** Terms of the Taylor series after scaling to ‖A/2ˢ‖₁ ≤ ½: its remainder is below 1e-15 of the result. */
const EXP_TERMS = 13;

/**
 * Julia's `exp(A)` of a square matrix, the matrix exponential e^A (a compartment or continuous-time Markov model's
 * transition matrix e^{Qt}): scaling and squaring, e^A = (e^{A/2ˢ})^(2ˢ), with the Taylor series of the scaled matrix
 * by Horner's rule. Built from matrix products, so every AD backend differentiates it; the number of squarings follows
 * the matrix's norm, a choice a compiled tape cannot replay.
 */
export function matrixExp(v: Value): Value {
  const { n, data } = square('exp', v);
  let norm = 0;
  for (let j = 0; j < n; j++) {
    let column = 0;
    for (let i = 0; i < n; i++) column += Math.abs(value(data[i + j * n]!));
    norm = Math.max(norm, column);
  }
  if (!Number.isFinite(norm)) return fail(`exp: the matrix has an entry that is not finite (its 1-norm is ${norm})`);
  const squarings = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  dependsOn('the number of squarings of a matrix exponential', data);
  const scaled = data.map((x) => ops.mul(x, 2 ** -squarings));
  const eye = identity(n);
  // e^B ≈ I + B(I + B/2(I + B/3(… (I + B/q)))).
  let sum: Real[] = eye;
  for (let k = EXP_TERMS; k >= 1; k--) {
    const term = matmul(scaled, sum, n, n, n);
    sum = term.map((x, i) => ops.add(eye[i]!, ops.div(x, k)));
  }
  for (let s = 0; s < squarings; s++) sum = matmul(sum, sum, n, n, n);
  return JArray.matrix(n, n, sum, 'float');
}

export const linalgBuiltins: Builtin[] = [
  single('det(A)', det),
  single('logdet(A)', logdet),
  single('inv(A)', inv),
  single('cholesky(A)', cholesky),
  single('issymmetric(A)', issymmetric),
  single('isposdef(A)', isposdef),
];
