import { describe, expect, it } from 'vitest';
import { bijectorFor } from './index.js';
import { checkAt, expectClose, invlinkValues } from './testing.js';

const simplex = (dim: number) => bijectorFor({ kind: 'simplex', dim });
/** Bijectors.jl's log|J| is that of y ↦ the first K − 1 entries; the last is 1 minus their sum. */
const firstKMinus1 = (x: number[]) => x.slice(0, -1);

describe('simplex (Bijectors.jl SimplexBijector)', () => {
  it('has K − 1 unconstrained coordinates', () => {
    const b = simplex(4);
    expect([b.constrainedLength, b.unconstrainedLength]).toEqual([4, 3]);
  });

  it('maps y = 0 to the uniform vector, thanks to the log(K − k) offsets', () => {
    expectClose(invlinkValues(simplex(5), [0, 0, 0, 0]).x, [0.2, 0.2, 0.2, 0.2, 0.2], 1e-15);
    expectClose(simplex(5).link([0.2, 0.2, 0.2, 0.2, 0.2]), [0, 0, 0, 0], 1e-14);
  });

  it('links [0.2, 0.3, 0.5] to [logit(0.2) + log 2, logit(0.3 / 0.8)] = [−log 2, log 0.6]', () => {
    expectClose(simplex(3).link([0.2, 0.3, 0.5]), [-Math.LN2, Math.log(0.6)], 1e-14);
    // Σ log z + log(1 − z) + log(1 − S) over the first two sticks: z = 0.2, then 0.3 / 0.8 after 0.2 is used.
    const expected = Math.log(0.2) + Math.log(0.8) + Math.log(0.375) + Math.log(0.625) + Math.log(0.8);
    expect(invlinkValues(simplex(3), [-Math.LN2, Math.log(0.6)]).logJac).toBeCloseTo(expected, 14);
  });

  // Bijectors.jl's README: Dirichlet(2, 3) at this x has logpdf 0.6163709733893024 untransformed and
  // -0.7760422307471244 with the transformation, so the log-Jacobian is their difference.
  it('matches Bijectors.jl: the log-Jacobian for Dirichlet(2, 3) at [0.46094823621110165, 0.5390517637888984]', () => {
    const b = simplex(2);
    const y = Array.from(b.link([0.46094823621110165, 0.5390517637888984]));
    const { x, logJac } = invlinkValues(b, y);
    expectClose(x, [0.46094823621110165, 0.5390517637888984], 1e-15);
    expect(logJac).toBeCloseTo(-0.7760422307471244 - 0.6163709733893024, 13);
  });

  it.each([
    [[0.3]],
    [[-6]],
    [[0.5, -1.2]],
    [[8, -8]],
    [[-1, 0.4, 2.5, -0.7]],
    [[10, 3, -10, 0.1]],
  ])('round-trips, matches the numerical log|det J| and AD at y = %j', (y) => {
    checkAt(simplex(y.length + 1), y, firstKMinus1);
  });

  it('invlink∘link is the identity, also with entries near 0 and 1', () => {
    for (const x of [
      [0.1, 0.2, 0.3, 0.4],
      [1e-10, 0.5, 0.25, 0.25 - 1e-10],
      [0.999999, 1e-7, 4e-7, 5e-7],
    ]) {
      expectClose(invlinkValues(simplex(4), Array.from(simplex(4).link(x))).x, x, 1e-9);
    }
  });

  it('stays on the simplex with a finite log|J| far out, where Bijectors clamps', () => {
    for (const y of [
      [40, -40, 0],
      [-800, 800, 3],
      [800, 800, 800],
    ]) {
      const { x, logJac } = invlinkValues(simplex(4), y);
      for (const xi of x) {
        expect(xi).toBeGreaterThanOrEqual(0);
        expect(xi).toBeLessThanOrEqual(1);
      }
      expect(x.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Number.isFinite(logJac)).toBe(true);
    }
  });

  it('refuses a simplex of one element, as Bijectors.jl does', () => {
    expect(() => simplex(1)).toThrow(/≥ 2/);
  });
});
