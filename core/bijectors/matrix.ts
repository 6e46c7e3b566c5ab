/** Square matrices stored flat, column-major (Julia's layout, and the layout of Tilde's values). */

export function transpose<T>(a: ArrayLike<T>, d: number): T[] {
  const t: T[] = new Array(d * d);
  for (let c = 0; c < d; c++) for (let r = 0; r < d; r++) t[c + r * d] = a[r + c * d]!;
  return t;
}

/** The lower Cholesky factor, reading only the lower triangle (Julia's cholesky(Hermitian(X, :L))). */
export function choleskyLower(x: ArrayLike<number>, d: number, what: string): Float64Array {
  const l = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let s = x[j + j * d]!;
    for (let k = 0; k < j; k++) s -= l[j + k * d]! * l[j + k * d]!;
    if (!(s > 0)) throw new RangeError(`${what} bijector: the matrix is not positive definite`);
    const ljj = Math.sqrt(s);
    l[j + j * d] = ljj;
    for (let i = j + 1; i < d; i++) {
      let t = x[i + j * d]!;
      for (let k = 0; k < j; k++) t -= l[i + k * d]! * l[j + k * d]!;
      l[i + j * d] = t / ljj;
    }
  }
  return l;
}
