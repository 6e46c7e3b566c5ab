import { ops, value, type Real } from '../../ad/index.js';
import { JArray, JChar, JCholesky, UniformScaling, describe, type Value } from '../../model/index.js';
import { binaryOp } from '../runtime/arithmetic.js';
import { fail } from '../runtime/errors.js';
import { realsIn, realsOf, toInt } from '../runtime/convert.js';
import { numeric } from '../runtime/scalars.js';
import { DiagonalMatrix, scaledIdentity } from '../runtime/special-arrays.js';
import { isArrayValue, shapeOfArray } from '../runtime/shape.js';
import { Pair } from '../runtime/pair.js';
import { transposeArray } from '../runtime/transpose.js';
import { allowKwargs, arg, arity, builtin, single, type Builtin } from './define.js';
import { square } from './linalg.js';
import { pairArg } from './pairs.js';
import { scalarArg } from './scalar.js';

/** LinearAlgebra's structural functions: transposes, diagonals, traces, products and symmetric views. */

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

/** A `k => v` of diagm: the vector v on diagonal k (k > 0 above the main diagonal). */
interface Band {
  k: number;
  v: Real[];
}

function band(p: Value): Band {
  const pair = pairArg('diagm', p, 'pairs `k => v` of a diagonal and its vector');
  return { k: toInt(pair.first, 'diagm: the diagonal k of k => v'), v: realsOf(pair.second, 'diagm') };
}

/** The m×n of `diagm(m, n, …)`, which must hold every band, or else the smallest square that does, as LinearAlgebra sizes it. */
function bandsSize(bands: readonly Band[], size: readonly [number, number] | undefined): [number, number] {
  const extent = (f: (b: Band) => number): number => bands.reduce((most, b) => Math.max(most, f(b)), 0);
  if (size === undefined) {
    const n = extent((b) => b.v.length + Math.abs(b.k));
    return [n, n];
  }
  const [m, n] = size;
  if (m < extent((b) => b.v.length - Math.min(0, b.k)) || n < extent((b) => b.v.length + Math.max(0, b.k))) fail(`diagm: the bands do not fit in a ${m}×${n} matrix (DimensionMismatch)`);
  return [m, n];
}

/** diagm(v), diagm(k => v, …) and diagm(m, n, …): bands that share a diagonal add up, as in LinearAlgebra. */
function diagm(args: Value[]): JArray {
  const sized = args.length >= 3 && !(args[0] instanceof Pair);
  const rest = sized ? args.slice(2) : args;
  const bands = rest.length === 1 && !(rest[0] instanceof Pair) ? [{ k: 0, v: realsOf(rest[0]!, 'diagm') }] : rest.map(band);
  const [m, n] = bandsSize(bands, sized ? [toInt(args[0]!, 'diagm: m'), toInt(args[1]!, 'diagm: n')] : undefined);
  const data: Real[] = new Array<Real>(m * n).fill(0);
  for (const { k, v } of bands) {
    v.forEach((x, i) => {
      const at = (k >= 0 ? i : i - k) + (k >= 0 ? i + k : i) * m;
      data[at] = data[at] === 0 ? x : ops.add(data[at]!, x);
    });
  }
  return JArray.matrix(m, n, data, 'float');
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

/** The matrix L Lᵀ a Cholesky factorisation stands for: `PDMat(C)`, and `Matrix(C)` (a correlation from an LKJCholesky draw). */
export function factoredMatrix(c: JCholesky): Value {
  return binaryOp('*', c.lower, transposeArray(c.lower));
}

export const matrixBuiltins: Builtin[] = [
  transpose('transpose'),
  transpose('adjoint'),
  single('tr(A)', (a) => ops.sumOf(diag(a, 0))),
  builtin('diagm(v) / diagm(k => v, ...) / diagm(m, n, k => v, ...)', (args, kwargs) => {
    arity('diagm', args, 1, Infinity);
    allowKwargs('diagm', kwargs);
    return diagm(args);
  }),
  single('Diagonal(v)', (v) => {
    if (isArrayValue(v) && shapeOfArray(v).length === 2) return new DiagonalMatrix(diag(v, 0));
    return new DiagonalMatrix(realsOf(v, 'Diagonal'));
  }),
  // PDMats' wrappers, as models written for speed pass covariances: the matrix itself is what they
  // stand for, and MvNormal checks it is positive definite.
  single('PDMat(A)', (a) => {
    // PDMat(Cholesky(L)), as the LKJCholesky tutorial builds its covariance: the matrix L Lᵀ.
    if (a instanceof JCholesky) return factoredMatrix(a);
    square('PDMat', a);
    return a;
  }),
  single('PDiagMat(v)', (v) => new DiagonalMatrix(realsOf(v, 'PDiagMat'))),
  builtin('ScalMat(n, s)', (args, kwargs) => {
    arity('ScalMat', args, 2);
    allowKwargs('ScalMat', kwargs);
    const s = scalarArg('ScalMat', arg(args, 1));
    if (s === undefined) fail('ScalMat: the scale is missing');
    return scaledIdentity(toInt(arg(args, 0), 'ScalMat: n'), s, 'ScalMat');
  }),
  builtin('diag(A) / diag(A, k)', (args, kwargs) => {
    arity('diag', args, 1, 2);
    allowKwargs('diag', kwargs);
    return JArray.vector(diag(arg(args, 0), args.length === 2 ? toInt(arg(args, 1), 'diag: k') : 0), 'float');
  }),
  builtin('dot(x, y)', (args, kwargs) => {
    arity('dot', args, 2);
    allowKwargs('dot', kwargs);
    const xs = realsIn(arg(args, 0), 'dot');
    const ys = realsIn(arg(args, 1), 'dot');
    if (xs.length !== ys.length) fail(`dot: dimension mismatch, lengths ${xs.length} and ${ys.length}`);
    return ops.dotOf(xs, ys);
  }),
  builtin('norm(x) / norm(x, p)', (args, kwargs) => {
    arity('norm', args, 1, 2);
    allowKwargs('norm', kwargs);
    return norm(arg(args, 0), args.length === 2 ? value(scalarArg('norm', arg(args, 1)) ?? NaN) : 2);
  }),
  builtin('normalize(x) / normalize(x, p)', (args, kwargs) => {
    arity('normalize', args, 1, 2);
    allowKwargs('normalize', kwargs);
    const x = arg(args, 0);
    if (!isArrayValue(x)) return fail(`normalize needs an array, got ${describe(x)}`);
    const n = norm(x, args.length === 2 ? value(scalarArg('normalize', arg(args, 1)) ?? NaN) : 2);
    return new JArray(shapeOfArray(x).slice(), realsOf(x, 'normalize').map((e) => ops.div(e, n)), 'float');
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
