import { describe, expect, it } from 'vitest';
import type { Real } from '../ad/index.js';
import { bijectorFor, type Support } from './index.js';
import { checkAt, expectClose, expectGradientsAgree, invlinkValues } from './testing.js';

const mixed: Support = {
  kind: 'elementwise',
  supports: [{ kind: 'real' }, { kind: 'lower', lower: 0 }, { kind: 'interval', lower: -1, upper: 1 }, { kind: 'upper', upper: 2 }],
};

describe('elementwise', () => {
  it('concatenates each element’s transform and adds their log-Jacobians', () => {
    const b = bijectorFor(mixed);
    expect([b.constrainedLength, b.unconstrainedLength, b.discrete]).toEqual([4, 4, false]);
    const { x, logJac } = invlinkValues(b, [1.5, Math.LN2, 0, 0]);
    expectClose(x, [1.5, 2, 0, 1], 1e-15);
    // 0 + log 2 + (log 2 + 2 log ½) + 0
    expect(logJac).toBeCloseTo(2 * Math.LN2 + 2 * Math.log(0.5), 14);
  });

  it.each([[[0.3, -2, 1.1, 4]], [[-7, 30, -12, 3]]])('round-trips, matches the numerical log|det J| and AD at y = %j', (y) => {
    checkAt(bijectorFor(mixed), y);
  });

  it('nests structured supports: a real and a simplex side by side', () => {
    const b = bijectorFor({ kind: 'elementwise', supports: [{ kind: 'real' }, { kind: 'simplex', dim: 3 }] });
    expect([b.constrainedLength, b.unconstrainedLength]).toEqual([4, 3]);
    const x = [0.5, 0.2, 0.3, 0.5];
    expectClose(invlinkValues(b, Array.from(b.link(x))).x, x, 1e-14);
  });

  it('invlink∘link is the identity', () => {
    const b = bijectorFor(mixed);
    for (const x of [
      [-4, 1e-9, 0.999, 1.9],
      [2, 3e5, -0.5, -1e4],
    ]) {
      expectClose(invlinkValues(b, Array.from(b.link(x))).x, x, 1e-9);
    }
  });

  it('shares a scalar support over a given length, bounds that are AD values included', () => {
    const f = (t: readonly Real[]) => {
      const r = bijectorFor({ kind: 'interval', lower: t[2]!, upper: t[3]! }, 2).invlink([t[0]!, t[1]!]);
      return [...r.x, r.logJac];
    };
    expectGradientsAgree(f, [0.2, -1.4, -3, 0.5]);
    expect(bijectorFor({ kind: 'lower', lower: 0 }, 3).unconstrainedLength).toBe(3);
  });

  it('is discrete if any element is', () => {
    expect(bijectorFor({ kind: 'elementwise', supports: [{ kind: 'discrete' }, { kind: 'discrete' }] }).discrete).toBe(true);
  });
});
