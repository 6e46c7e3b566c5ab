import { describe, expect, it } from 'vitest';
import { value, type Real } from '../ad/index.js';
import { bijectorFor } from './index.js';
import { checkAt, expectClose, expectGradientsAgree, invlinkValues } from './testing.js';

describe('lower bound', () => {
  it('positive support at y = log 2 gives x = 2 and log|J| = log 2', () => {
    const { x, logJac } = invlinkValues(bijectorFor({ kind: 'lower', lower: 0 }), [Math.LN2]);
    expect(x[0]).toBeCloseTo(2, 14);
    expect(logJac).toBeCloseTo(Math.LN2, 14);
  });

  it('adds log s for InverseGamma: log|J| at y = log s is log s', () => {
    const b = bijectorFor({ kind: 'lower', lower: 0 });
    for (const s of [0.3, 1.5, 40]) expect(invlinkValues(b, Array.from(b.link([s]))).logJac).toBeCloseTo(Math.log(s), 13);
  });

  it.each([[-50], [-3], [0], [0.7], [50]])('round-trips, matches the numerical log|det J| and AD at y = %d (a = 0)', (y) => {
    checkAt(bijectorFor({ kind: 'lower', lower: 0 }), [y]);
  });

  it.each([[-3], [0], [2.5]])('with a shifted bound a = -4.5 at y = %d', (y) => {
    checkAt(bijectorFor({ kind: 'lower', lower: -4.5 }), [y]);
  });

  it('invlink∘link is the identity near the bound and far from it', () => {
    const b = bijectorFor({ kind: 'lower', lower: 1 });
    for (const x of [1 + 1e-12, 1.5, 1e8]) expectClose(invlinkValues(b, Array.from(b.link([x]))).x, [x], 1e-12);
  });

  it('maps the bound itself to -Infinity, as Bijectors does after clamping', () => {
    expect(bijectorFor({ kind: 'lower', lower: 2 }).link([2])[0]).toBe(-Infinity);
  });

  it('carries the derivative of an AD bound', () => {
    const f = (t: readonly Real[]) => {
      const r = bijectorFor({ kind: 'lower', lower: t[1]! }).invlink([t[0]!]);
      return [...r.x, r.logJac];
    };
    expectGradientsAgree(f, [0.4, -1.2]);
    expect(value(f([0.4, -1.2])[0]!)).toBeCloseTo(-1.2 + Math.exp(0.4), 14);
  });
});
