import { describe, expect, it } from 'vitest';
import { bijectorFor } from './index.js';
import { CORR_DOC, checkAt, expectClose, invlinkValues, strictTriangle } from './testing.js';

const corr = (dim: number) => bijectorFor({ kind: 'corr', dim });

describe('corr (Bijectors.jl VecCorrBijector)', () => {
  it('has d(d − 1)/2 unconstrained coordinates and a d×d value', () => {
    const b = corr(4);
    expect([b.constrainedLength, b.unconstrainedLength]).toEqual([16, 6]);
  });

  it('matches Bijectors.jl’s docstring example both ways', () => {
    expectClose(corr(3).link(CORR_DOC.x), CORR_DOC.y, 1e-5);
    expectClose(invlinkValues(corr(3), CORR_DOC.y).x, CORR_DOC.x, 1e-6);
  });

  it('gives a symmetric matrix with unit diagonal, positive definite by construction', () => {
    const { x } = invlinkValues(corr(4), [0.4, -1.1, 0.8, 0.05, -0.3, 1.7]);
    for (let r = 0; r < 4; r++) {
      expect(x[r + r * 4]).toBeCloseTo(1, 14);
      for (let c = 0; c < 4; c++) expect(x[r + c * 4]).toBe(x[c + r * 4]);
    }
  });

  it.each([[[0.7]], [[-5]], [[0.3, -0.6, 1.2]], [[6, -6, 2]], [[0.4, -1.1, 0.8, 0.05, -0.3, 1.7]], [[-2, 0, 4, -0.5, 2, -3]]])(
    'round-trips, matches the numerical log|det J| of the strictly-lower entries and AD at y = %j',
    (y) => {
      const d = (1 + Math.sqrt(1 + 8 * y.length)) / 2;
      checkAt(corr(d), y, (x) => strictTriangle(x, d, false));
    },
  );

  it('invlink∘link is the identity', () => {
    const x = invlinkValues(corr(3), [0.3, -0.6, 1.2]).x;
    expectClose(invlinkValues(corr(3), Array.from(corr(3).link(x))).x, x, 1e-12);
  });

  it('rejects a matrix that is not positive definite', () => {
    expect(() => corr(2).link([1, 1.5, 1.5, 1])).toThrow(/not positive definite/);
  });
});
