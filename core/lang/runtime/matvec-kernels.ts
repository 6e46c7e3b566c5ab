/**
 * The two loops of a data matrix times a parameter vector. Each works on four independent sums at once
 * (four rows, or four columns), which lets the processor overlap them: about twice as fast as one sum
 * at a time here. Every sum still adds its terms in index order, so results are bit-identical to the
 * plain loops, and the values to the one-node-per-row path of the backends without blocks.
 */

/** out[at + i] = Σⱼ X[i, j] x[j], with X row-major in `rowMajor`. */
export function rowDots(rowMajor: Float64Array, rows: number, cols: number, x: ArrayLike<number>, out: Float64Array, at: number): void {
  let i = 0;
  for (; i + 3 < rows; i += 4) {
    const r = i * cols;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < cols; j++) {
      const xj = x[j]!;
      s0 += rowMajor[r + j]! * xj;
      s1 += rowMajor[r + cols + j]! * xj;
      s2 += rowMajor[r + 2 * cols + j]! * xj;
      s3 += rowMajor[r + 3 * cols + j]! * xj;
    }
    out[at + i] = s0;
    out[at + i + 1] = s1;
    out[at + i + 2] = s2;
    out[at + i + 3] = s3;
  }
  for (; i < rows; i++) {
    const r = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) s += rowMajor[r + j]! * x[j]!;
    out[at + i] = s;
  }
}

/** adjX[j] += Σᵢ X[i, j] adjoint[at + i], with X column-major in `colMajor`. */
export function columnDots(colMajor: Float64Array, rows: number, cols: number, adjoint: Float64Array, at: number, adjX: Float64Array): void {
  let j = 0;
  for (; j + 3 < cols; j += 4) {
    const c = j * rows;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let i = 0; i < rows; i++) {
      const a = adjoint[at + i]!;
      s0 += colMajor[c + i]! * a;
      s1 += colMajor[c + rows + i]! * a;
      s2 += colMajor[c + 2 * rows + i]! * a;
      s3 += colMajor[c + 3 * rows + i]! * a;
    }
    adjX[j]! += s0;
    adjX[j + 1]! += s1;
    adjX[j + 2]! += s2;
    adjX[j + 3]! += s3;
  }
  const left = cols - j;
  if (left === 0) return;
  // The last one to three columns in one pass too: a design matrix of two or three covariates has no
  // group of four, and one sum at a time waits on each addition.
  const c = j * rows;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  if (left === 3) {
    for (let i = 0; i < rows; i++) {
      const a = adjoint[at + i]!;
      s0 += colMajor[c + i]! * a;
      s1 += colMajor[c + rows + i]! * a;
      s2 += colMajor[c + 2 * rows + i]! * a;
    }
    adjX[j + 2]! += s2;
  } else if (left === 2) {
    for (let i = 0; i < rows; i++) {
      const a = adjoint[at + i]!;
      s0 += colMajor[c + i]! * a;
      s1 += colMajor[c + rows + i]! * a;
    }
  } else {
    for (let i = 0; i < rows; i++) s0 += colMajor[c + i]! * adjoint[at + i]!;
  }
  adjX[j]! += s0;
  if (left > 1) adjX[j + 1]! += s1;
}
