import { checkDomain, nodeByRule, ops, value, type Real } from '../../ad/index.js';
import { cholesky as plainCholesky, matMul as plainMatMul } from '../../math/index.js';
import { ArgumentDomainError } from '../../model/index.js';
import { fail } from './errors.js';

/**
 * Dense linear algebra on `Real`, column-major. Every derived element is built by `subDot` (one node for
 * c − Σ xᵢyᵢ), so a factorisation or solve of size n makes O(n²) nodes with O(n³) partials in all, the
 * same count as the flops; hand-derived whole-matrix Jacobians would cost O(n⁴).
 */

function allPlain(xs: readonly Real[]): xs is number[] {
  for (const x of xs) if (typeof x !== 'number') return false;
  return true;
}

/** c − Σ xs[i]·ys[i] as one node. */
function subDot(c: Real, xs: readonly Real[], ys: readonly Real[]): Real {
  const n = xs.length;
  if (typeof c === 'number' && allPlain(xs) && allPlain(ys)) {
    let s = c;
    for (let i = 0; i < n; i++) s -= xs[i]! * ys[i]!;
    return s;
  }
  return nodeByRule([c, ...xs, ...ys], (x, p) => {
    let s = x[0]!;
    p[0] = 1;
    for (let i = 0; i < n; i++) {
      s -= x[1 + i]! * x[1 + n + i]!;
      p[1 + i] = -x[1 + n + i]!;
      p[1 + n + i] = -x[1 + i]!;
    }
    return s;
  });
}

/** A B for A r×k and B k×c, each output one `dotOf` node when anything is AD. */
export function matmul(a: readonly Real[], b: readonly Real[], r: number, k: number, c: number): Real[] {
  if (allPlain(a) && allPlain(b)) return Array.from(plainMatMul(a, b, r, k, c));
  const rows: Real[][] = [];
  for (let i = 0; i < r; i++) {
    const row: Real[] = new Array(k);
    for (let t = 0; t < k; t++) row[t] = a[i + t * r]!;
    rows.push(row);
  }
  const out: Real[] = new Array(r * c);
  for (let j = 0; j < c; j++) {
    const col = b.slice(j * k, (j + 1) * k);
    for (let i = 0; i < r; i++) out[i + j * r] = ops.dotOf(rows[i]!, col);
  }
  return out;
}

export function transposeReals<T>(a: readonly T[], r: number, c: number): T[] {
  const out: T[] = new Array(r * c);
  for (let j = 0; j < c; j++) for (let i = 0; i < r; i++) out[j + i * c] = a[i + j * r]!;
  return out;
}

export function identity(n: number): number[] {
  const out = new Array<number>(n * n).fill(0);
  for (let i = 0; i < n; i++) out[i + i * n] = 1;
  return out;
}

/** PA = LU with partial pivoting; `rows[i]` holds row i of L (unit, below the diagonal) and U. */
export interface LU {
  n: number;
  rows: Real[][];
  perm: number[];
  /** (−1)^(number of row swaps), for the determinant. */
  sign: number;
  singular: boolean;
}

/** Left-looking (Crout-order) LU so each entry is a single `subDot` over already final entries. */
export function luFactor(a: readonly Real[], n: number): LU {
  const rows: Real[][] = [];
  for (let i = 0; i < n; i++) {
    const row: Real[] = new Array(n);
    for (let j = 0; j < n; j++) row[j] = a[i + j * n]!;
    rows.push(row);
  }
  const perm = Array.from({ length: n }, (_, i) => i);
  let sign = 1;
  let singular = false;
  for (let j = 0; j < n; j++) {
    const colAbove: Real[] = [];
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      const k = Math.min(i, j);
      const entry = subDot(row[j]!, row.slice(0, k), colAbove.slice(0, k));
      row[j] = entry;
      if (i < j) colAbove.push(entry);
    }
    let p = j;
    for (let i = j + 1; i < n; i++) if (Math.abs(value(rows[i]![j]!)) > Math.abs(value(rows[p]![j]!))) p = i;
    if (p !== j) {
      [rows[p], rows[j]] = [rows[j]!, rows[p]!];
      [perm[p], perm[j]] = [perm[j]!, perm[p]!];
      sign = -sign;
    }
    const pivot = rows[j]![j]!;
    if (value(pivot) === 0) {
      singular = true;
      continue;
    }
    for (let i = j + 1; i < n; i++) rows[i]![j] = ops.div(rows[i]![j]!, pivot);
  }
  return { n, rows, perm, sign, singular };
}

function singularError(): never {
  return fail('the matrix is singular (SingularException)');
}

/** A⁻¹B from the factorisation, B n×m column-major. */
export function luSolve(lu: LU, b: readonly Real[], m: number): Real[] {
  if (lu.singular) singularError();
  const { n, rows, perm } = lu;
  const out: Real[] = new Array(n * m);
  for (let c = 0; c < m; c++) {
    const y: Real[] = new Array(n);
    for (let i = 0; i < n; i++) y[i] = subDot(b[perm[i]! + c * n]!, rows[i]!.slice(0, i), y.slice(0, i));
    const x: Real[] = new Array(n);
    for (let i = n - 1; i >= 0; i--) x[i] = ops.div(subDot(y[i]!, rows[i]!.slice(i + 1), x.slice(i + 1)), rows[i]![i]!);
    for (let i = 0; i < n; i++) out[i + c * n] = x[i]!;
  }
  return out;
}

/** Strictly zero above (lower) or below (upper) the diagonal: Julia's `istril` / `istriu`. */
function isTriangular(a: readonly Real[], n: number, lower: boolean): boolean {
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      if ((lower ? i < j : i > j) && a[i + j * n] !== 0) return false;
    }
  }
  return true;
}

/** Forward or back substitution for a triangular A (n×n) and B n×m. */
export function triangularSolve(a: readonly Real[], n: number, b: readonly Real[], m: number, lower: boolean): Real[] {
  for (let i = 0; i < n; i++) if (value(a[i + i * n]!) === 0) singularError();
  const out: Real[] = new Array(n * m);
  const order = Array.from({ length: n }, (_, i) => (lower ? i : n - 1 - i));
  for (let c = 0; c < m; c++) {
    const done: number[] = [];
    for (const i of order) {
      const coeffs = done.map((k) => a[i + k * n]!);
      const xs = done.map((k) => out[k + c * n]!);
      out[i + c * n] = ops.div(subDot(b[i + c * n]!, coeffs, xs), a[i + i * n]!);
      done.push(i);
    }
  }
  return out;
}

/** A⁻¹B for square A: substitution when A is triangular (as Julia's `\` checks), LU otherwise. */
export function solve(a: readonly Real[], n: number, b: readonly Real[], m: number): Real[] {
  if (isTriangular(a, n, true)) return triangularSolve(a, n, b, m, true);
  if (isTriangular(a, n, false)) return triangularSolve(a, n, b, m, false);
  return luSolve(luFactor(a, n), b, m);
}

/** Julia's PosDefException, as `cholesky` throws it: of the values drawn, which a sampler passes over, as a DomainError. */
export function notPositiveDefinite(): ArgumentDomainError {
  return new ArgumentDomainError('cholesky: the matrix is not positive definite (PosDefException)', undefined);
}

const positivePivot = (d: number): boolean => d > 0 && Number.isFinite(d);

/**
 * The lower Cholesky factor from the lower triangle of A, or null when A is not positive definite. Each pivot
 * that passes is kept on a compiled tape (`checkDomain`), so that a replay throws `notPositiveDefinite` where
 * the factorisation fails, also where nothing its output needs reads the factor.
 */
export function choleskyLower(a: readonly Real[], n: number): Real[] | null {
  if (allPlain(a)) {
    const l = plainCholesky(a, n);
    return l === null ? null : Array.from(l);
  }
  const l: Real[] = new Array<Real>(n * n).fill(0);
  for (let j = 0; j < n; j++) {
    const rowJ: Real[] = [];
    for (let k = 0; k < j; k++) rowJ.push(l[j + k * n]!);
    const d = subDot(a[j + j * n]!, rowJ, rowJ);
    if (!positivePivot(value(d))) return null;
    checkDomain(d, positivePivot, notPositiveDefinite);
    const ljj = ops.sqrt(d);
    l[j + j * n] = ljj;
    for (let i = j + 1; i < n; i++) {
      const rowI: Real[] = [];
      for (let k = 0; k < j; k++) rowI.push(l[i + k * n]!);
      l[i + j * n] = ops.div(subDot(a[i + j * n]!, rowI, rowJ), ljj);
    }
  }
  return l;
}
