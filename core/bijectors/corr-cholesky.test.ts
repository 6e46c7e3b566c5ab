import { describe, expect, it } from 'vitest';
import { bijectorFor } from './index.js';
import { CORR_DOC, checkAt, expectClose, invlinkValues, strictTriangle } from './testing.js';

const chol = (dim: number, uplo: 'L' | 'U') => bijectorFor({ kind: 'corr-cholesky', dim, uplo });

describe('corr-cholesky (Bijectors.jl VecCholeskyBijector)', () => {
  it('has d(d − 1)/2 unconstrained coordinates and a d×d value', () => {
    const b = chol(4, 'L');
    expect([b.constrainedLength, b.unconstrainedLength]).toEqual([16, 6]);
  });

  it('gives, for the Cholesky factor of Bijectors’ docstring matrix, the y VecCorrBijector gives (as Bijectors’ tests require)', () => {
    const u = invlinkValues(chol(3, 'U'), CORR_DOC.y).x;
    const utu = Array.from({ length: 9 }, (_, k) => {
      const r = k % 3;
      const c = Math.floor(k / 3);
      let s = 0;
      for (let i = 0; i < 3; i++) s += u[i + r * 3]! * u[i + c * 3]!;
      return s;
    });
    expectClose(utu, CORR_DOC.x, 1e-6, 'UᵀU');
    expectClose(chol(3, 'U').link(u), CORR_DOC.y, 1e-14);
  });

  it('is upper for U and its transpose for L, from the same y', () => {
    const y = [0.4, -1.1, 0.8, 0.05, -0.3, 1.7];
    const u = invlinkValues(chol(4, 'U'), y).x;
    const l = invlinkValues(chol(4, 'L'), y).x;
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 4; c++) {
        expect(l[r + c * 4]).toBe(u[c + r * 4]);
        if (r > c) expect(u[r + c * 4]).toBe(0);
      }
      let norm = 0;
      for (let i = 0; i < 4; i++) norm += u[i + r * 4]! ** 2;
      expect(norm).toBeCloseTo(1, 14);
      expect(u[r + r * 4]).toBeGreaterThan(0);
    }
    expect(invlinkValues(chol(4, 'U'), y).logJac).toBe(invlinkValues(chol(4, 'L'), y).logJac);
  });

  describe.each(['L', 'U'] as const)('uplo %s', (uplo) => {
    const free = (d: number) => (x: number[]) => strictTriangle(x, d, uplo === 'U');
    it.each([[[0.7]], [[-5]], [[0.3, -0.6, 1.2]], [[8, -8, 3]], [[0.4, -1.1, 0.8, 0.05, -0.3, 1.7]], [[-2, 0, 6, -0.5, 2, -7]]])(
      'round-trips, matches the numerical log|det J| of the strictly-triangular entries and AD at y = %j',
      (y) => {
        const d = (1 + Math.sqrt(1 + 8 * y.length)) / 2;
        checkAt(chol(d, uplo), y, free(d));
      },
    );
  });

  it('invlink∘link is the identity, including a factor with correlations near ±1', () => {
    for (const y of [
      [0.3, -0.6, 1.2],
      [6, -6, 0.1],
    ]) {
      const x = invlinkValues(chol(3, 'L'), y).x;
      expectClose(invlinkValues(chol(3, 'L'), Array.from(chol(3, 'L').link(x))).x, x, 1e-12);
    }
  });

  it('gives a valid factor with a finite log|J| far out', () => {
    const { x, logJac } = invlinkValues(chol(3, 'U'), [40, -40, 800]);
    for (let c = 0; c < 3; c++) {
      let norm = 0;
      for (let i = 0; i < 3; i++) norm += x[i + c * 3]! ** 2;
      expect(norm).toBeCloseTo(1, 14);
    }
    expect(Number.isFinite(logJac)).toBe(true);
  });

  it('is the 1×1 factor [1] with nothing to sample for d = 1', () => {
    expect(invlinkValues(chol(1, 'L'), [])).toEqual({ x: [1], logJac: 0 });
  });
});
