import { describe, expect, it } from 'vitest';
import { backSubstTransposed, cholSolve, cholesky, forwardSubst, inverseFromCholesky, logdetFromCholesky, matMul, matVec, transpose } from './index.js';

// A = [4 2 0.6; 2 5 1.5; 0.6 1.5 3], column-major; symmetric positive definite.
const A = [4, 2, 0.6, 2, 5, 1.5, 0.6, 1.5, 3];

function close(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(actual[i]).toBeCloseTo(expected[i]!, -Math.log10(tol));
}

describe('cholesky', () => {
  it('factors a 3×3 SPD matrix into lower-triangular L with L Lᵀ = A', () => {
    const l = cholesky(A, 3)!;
    // By hand: L11 = 2, L21 = 1, L31 = 0.3, L22 = 2, L32 = (1.5 − 0.3)/2 = 0.6, L33 = √(3 − 0.09 − 0.36).
    close(l, [2, 1, 0.3, 0, 2, 0.6, 0, 0, Math.sqrt(2.55)]);
    close(matMul(l, transpose(l, 3, 3), 3, 3, 3), A);
  });

  it('reads only the lower triangle', () => {
    const junkUpper = [4, 2, 0.6, 99, 5, 1.5, -7, 42, 3];
    close(cholesky(junkUpper, 3)!, cholesky(A, 3)!);
  });

  it('returns null for indefinite, singular and non-finite matrices', () => {
    expect(cholesky([1, 2, 2, 1], 2)).toBeNull();
    expect(cholesky([1, 1, 1, 1], 2)).toBeNull();
    expect(cholesky([NaN], 1)).toBeNull();
    expect(cholesky([-1], 1)).toBeNull();
  });
});

describe('triangular solves', () => {
  const l = cholesky(A, 3)!;
  const b = [1, -2, 0.5];

  it('forward and back substitution invert L and Lᵀ', () => {
    close(matVec(l, forwardSubst(l, b, 3), 3, 3), b);
    close(matVec(transpose(l, 3, 3), backSubstTransposed(l, b, 3), 3, 3), b);
  });

  it('cholSolve solves A x = b', () => {
    close(matVec(A, cholSolve(l, b, 3), 3, 3), b);
  });
});

describe('logdet and inverse', () => {
  const l = cholesky(A, 3)!;

  it('logdet matches the cofactor expansion', () => {
    const det = 4 * (5 * 3 - 1.5 * 1.5) - 2 * (2 * 3 - 1.5 * 0.6) + 0.6 * (2 * 1.5 - 5 * 0.6);
    expect(logdetFromCholesky(l, 3)).toBeCloseTo(Math.log(det), 13);
  });

  it('the inverse is symmetric and A A⁻¹ = I', () => {
    const inv = inverseFromCholesky(l, 3);
    close(matMul(A, inv, 3, 3, 3), [1, 0, 0, 0, 1, 0, 0, 0, 1]);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(inv[i + 3 * j]).toBe(inv[j + 3 * i]);
  });

  it('agrees with solving A x = eⱼ for each column, on an ill-conditioned 12 × 12 kernel matrix', () => {
    const n = 12;
    const k = Float64Array.from({ length: n * n }, (_, idx) => Math.exp(-(((idx % n) - Math.floor(idx / n)) ** 2) / 8) + (idx % (n + 1) === 0 ? 1e-6 : 0));
    const lk = cholesky(k, n)!;
    const inv = inverseFromCholesky(lk, n);
    for (let j = 0; j < n; j++) {
      const col = cholSolve(lk, Float64Array.from({ length: n }, (_, i) => (i === j ? 1 : 0)), n);
      for (let i = 0; i < n; i++) expect(Math.abs(inv[i + j * n]! - col[i]!)).toBeLessThan(1e-9 * Math.max(1, Math.abs(col[i]!)));
    }
  });
});

describe('products and transpose', () => {
  // B = [1 2 3; 4 5 6] (2×3), column-major.
  const B = [1, 4, 2, 5, 3, 6];

  it('matVec of a non-square matrix', () => {
    close(matVec(B, [1, 0, -1], 2, 3), [-2, -2]);
  });

  it('matMul of non-square matrices', () => {
    // B Bᵀ = [14 32; 32 77]
    close(matMul(B, transpose(B, 2, 3), 2, 3, 2), [14, 32, 32, 77]);
  });

  it('transpose swaps the layout', () => {
    close(transpose(B, 2, 3), [1, 2, 3, 4, 5, 6]);
  });
});
