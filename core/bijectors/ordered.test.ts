import { describe, expect, it } from 'vitest';
import { bijectorFor } from './index.js';
import { checkAt, expectClose, invlinkValues } from './testing.js';

const ordered = (dim: number) => bijectorFor({ kind: 'ordered', dim });

describe('ordered (Bijectors.jl OrderedBijector)', () => {
  it('x₁ = y₁, x_k = x_{k−1} + exp(y_k), log|J| = Σ_{k≥2} y_k', () => {
    const { x, logJac } = invlinkValues(ordered(3), [-1, 0, Math.LN2]);
    expectClose(x, [-1, 0, 2], 1e-15);
    expect(logJac).toBeCloseTo(Math.LN2, 15);
  });

  it.each([[[0.4]], [[-1, 0.5, 2]], [[3, -8, 6, -2]], [[-50, 3, -5, 2, 0]]])('round-trips, matches the numerical log|det J| and AD at y = %j', (y) => {
    checkAt(ordered(y.length), y);
  });

  it('invlink∘link is the identity, also for nearly tied values', () => {
    for (const x of [
      [-3, -1, 0.5, 4],
      [1, 1 + 1e-9, 2, 1e6],
    ]) {
      expectClose(invlinkValues(ordered(4), Array.from(ordered(4).link(x))).x, x, 1e-12);
    }
  });
});
