/**
 * Dense linear algebra on plain numbers, column-major (`a[i + j * rows]`), as Julia stores matrices.
 * Only what the distributions need: sizes are small (covariances, correlation matrices), so the
 * textbook algorithms are the right ones.
 */

/**
 * The lower Cholesky factor L of a symmetric positive-definite n×n matrix (A = L Lᵀ), reading only the
 * lower triangle of `a` (as LAPACK's potrf with 'L'); the strict upper triangle of L is zero.
 * null when A is not positive definite (a non-positive or non-finite pivot).
 */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j + j * n]!;
    for (let k = 0; k < j; k++) d -= l[j + k * n]! * l[j + k * n]!;
    if (!(d > 0) || !Number.isFinite(d)) return null;
    const ljj = Math.sqrt(d);
    l[j + j * n] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i + j * n]!;
      for (let k = 0; k < j; k++) s -= l[i + k * n]! * l[j + k * n]!;
      l[i + j * n] = s / ljj;
    }
  }
  return l;
}

/** x with L x = b for lower-triangular L. */
export function forwardSubst(l: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i + k * n]! * x[k]!;
    x[i] = s / l[i + i * n]!;
  }
  return x;
}

/** x with Lᵀ x = b for lower-triangular L (back substitution without forming Lᵀ). */
export function backSubstTransposed(l: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k + i * n]! * x[k]!;
    x[i] = s / l[i + i * n]!;
  }
  return x;
}

/** A⁻¹ b for A = L Lᵀ. */
export function cholSolve(l: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array {
  return backSubstTransposed(l, forwardSubst(l, b, n), n);
}

/** log det A for A = L Lᵀ. */
export function logdetFromCholesky(l: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(l[i + i * n]!);
  return 2 * s;
}

/**
 * A⁻¹ for A = L Lᵀ, exactly symmetric (the upper triangle mirrors the computed lower one): M = L⁻¹, then
 * A⁻¹ = Mᵀ M, as LAPACK's potri (trtri, then lauum) — n³/3 multiply-adds with no allocation per column, where
 * solving A x = eⱼ for each column took 2n³ (an MvNormal's and a GP's gradient needs A⁻¹ at every evaluation).
 */
export function inverseFromCholesky(l: ArrayLike<number>, n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    m[j + j * n] = 1 / l[j + j * n]!;
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s += l[i + k * n]! * m[k + j * n]!;
      m[i + j * n] = -s / l[i + i * n]!;
    }
  }
  const inv = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      let s = 0;
      for (let k = i; k < n; k++) s += m[k + i * n]! * m[k + j * n]!;
      inv[i + j * n] = s;
      inv[j + i * n] = s;
    }
  }
  return inv;
}

/** A x for an r×c matrix A. */
export function matVec(a: ArrayLike<number>, x: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const y = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    const xj = x[j]!;
    if (xj === 0) continue;
    for (let i = 0; i < rows; i++) y[i]! += a[i + j * rows]! * xj;
  }
  return y;
}

/** A B for A r×k and B k×c. */
export function matMul(a: ArrayLike<number>, b: ArrayLike<number>, rows: number, inner: number, cols: number): Float64Array {
  const c = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    for (let k = 0; k < inner; k++) {
      const bkj = b[k + j * inner]!;
      if (bkj === 0) continue;
      for (let i = 0; i < rows; i++) c[i + j * rows]! += a[i + k * rows]! * bkj;
    }
  }
  return c;
}

/** Aᵀ for an r×c matrix A (the result is c×r). */
export function transpose(a: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const t = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) t[j + i * cols] = a[i + j * rows]!;
  return t;
}
