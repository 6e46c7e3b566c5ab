import { describe, expect, it } from 'vitest';
import type { Real } from '../ad/index.js';
import { bijectorFor } from './index.js';
import { checkAt, expectClose, expectGradientsAgree, invlinkValues } from './testing.js';

describe('upper bound', () => {
  it('x = b − exp(y) with log|J| = y', () => {
    const { x, logJac } = invlinkValues(bijectorFor({ kind: 'upper', upper: 3 }), [Math.LN2]);
    expect(x[0]).toBeCloseTo(1, 14);
    expect(logJac).toBeCloseTo(Math.LN2, 14);
  });

  it.each([[-50], [-2], [0], [1.3], [50]])('round-trips, matches the numerical log|det J| and AD at y = %d (b = 0)', (y) => {
    checkAt(bijectorFor({ kind: 'upper', upper: 0 }), [y]);
  });

  it('invlink∘link is the identity near the bound and far from it', () => {
    const b = bijectorFor({ kind: 'upper', upper: -2 });
    for (const x of [-2 - 1e-12, -2.5, -1e8]) expectClose(invlinkValues(b, Array.from(b.link([x]))).x, [x], 1e-12);
  });

  it('carries the derivative of an AD bound', () => {
    const f = (t: readonly Real[]) => {
      const r = bijectorFor({ kind: 'upper', upper: t[1]! }).invlink([t[0]!]);
      return [...r.x, r.logJac];
    };
    expectGradientsAgree(f, [-0.3, 2.2]);
  });
});
