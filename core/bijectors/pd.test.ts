import { describe, expect, it } from 'vitest';
import { bijectorFor } from './index.js';
import { checkAt, expectClose, invlinkValues } from './testing.js';

const pd = (dim: number) => bijectorFor({ kind: 'pd', dim });

/** The entries (r, c) with r ≥ c of a flat column-major d×d matrix: the free coordinates of a symmetric one. */
function lowerTriangle(x: readonly number[], d: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < d; c++) for (let r = c; r < d; r++) out.push(x[r + c * d]!);
  return out;
}

describe('pd (Bijectors.jl PDVecBijector)', () => {
  it('has d(d + 1)/2 unconstrained coordinates and a d×d value', () => {
    const b = pd(3);
    expect([b.constrainedLength, b.unconstrainedLength]).toEqual([9, 6]);
  });

  it('reads y as the rows of L with a logged diagonal: [log L11, L21, log L22]', () => {
    const [a, b, c] = [0.3, -0.8, -0.2];
    const { x, logJac } = invlinkValues(pd(2), [a, b, c]);
    const l11 = Math.exp(a);
    const l22 = Math.exp(c);
    expectClose(x, [l11 * l11, b * l11, b * l11, b * b + l22 * l22], 1e-15);
    // d·log 2 + Σ (d − i + 2)·log L_ii
    expect(logJac).toBeCloseTo(2 * Math.LN2 + 3 * a + 2 * c, 14);
    expectClose(pd(2).link(x), [a, b, c], 1e-14);
  });

  it('for d = 1 is X = exp(2y) with log|J| = log 2 + 2y', () => {
    const { x, logJac } = invlinkValues(pd(1), [0.6]);
    expect(x[0]).toBeCloseTo(Math.exp(1.2), 14);
    expect(logJac).toBeCloseTo(Math.LN2 + 1.2, 14);
  });

  it.each([[[0.6]], [[-30]], [[0.3, -0.8, -0.2]], [[30, 0, -30]], [[0.1, 1.5, -0.4, -2, 0.7, 0.9]], [[1, 0, 0.5, -3, 0.2, -1, 2, 0.3, -0.4, 0.8]]])(
    'round-trips, matches the numerical log|det J| of the lower triangle and AD at y = %j',
    (y) => {
      const d = (-1 + Math.sqrt(1 + 8 * y.length)) / 2;
      checkAt(pd(d), y, (x) => lowerTriangle(x, d));
    },
  );

  it('invlink∘link is the identity, also for an ill-conditioned matrix', () => {
    for (const x of [
      [2, 0.5, 0.5, 1],
      [1, 0.999999, 0.999999, 1],
      [1e6, 0, 0, 1e-6],
    ]) {
      expectClose(invlinkValues(pd(2), Array.from(pd(2).link(x))).x, x, 1e-9);
    }
  });

  it('rejects a matrix that is not positive definite', () => {
    expect(() => pd(2).link([1, 2, 2, 1])).toThrow(/not positive definite/);
  });
});
