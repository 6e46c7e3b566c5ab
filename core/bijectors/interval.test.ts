import { describe, expect, it } from 'vitest';
import { value, type Real } from '../ad/index.js';
import { bijectorFor } from './index.js';
import { checkAt, expectClose, expectGradientsAgree, invlinkValues } from './testing.js';

const unit = bijectorFor({ kind: 'interval', lower: 0, upper: 1 });

describe('interval', () => {
  // Bijectors.jl's README, Beta(2, 2) and its Logit(0, 1) bijector.
  it('matches Bijectors.jl: x = 0.36888689965963756 ↔ y = -0.5369949942509267, log|J| = -1.4575353795716655', () => {
    expect(unit.link([0.36888689965963756])[0]).toBeCloseTo(-0.5369949942509267, 14);
    const { x, logJac } = invlinkValues(unit, [-0.5369949942509267]);
    expect(x[0]).toBeCloseTo(0.36888689965963756, 14);
    expect(logJac).toBeCloseTo(-1.4575353795716655, 13);
  });

  it('matches Bijectors.jl: Logit(0, 1) at 0.6 is 0.4054651081081642 with logabsdetjac 1.4271163556401458', () => {
    expect(unit.link([0.6])[0]).toBeCloseTo(0.4054651081081642, 14);
    expect(invlinkValues(unit, [0.4054651081081642]).logJac).toBeCloseTo(-1.4271163556401458, 13);
  });

  it.each([[-4], [0], [2.2], [9]])('round-trips, matches the numerical log|det J| and AD at y = %d', (y) => {
    checkAt(bijectorFor({ kind: 'interval', lower: -2, upper: 5 }), [y]);
  });

  // Far out, x is a bound plus a tiny step, so finite differences of x are only accurate when that bound is 0.
  it('round-trips, matches the numerical log|det J| and AD at y = -30 on (0, 1)', () => {
    checkAt(unit, [-30]);
  });

  it('invlink∘link is the identity near both bounds', () => {
    for (const x of [1e-13, 0.5, 1 - 1e-9]) expectClose(invlinkValues(unit, Array.from(unit.link([x]))).x, [x], 1e-12);
  });

  it('stays inside [a, b] with a finite log|J| far out in both tails', () => {
    const b = bijectorFor({ kind: 'interval', lower: 0.1, upper: 0.3 });
    for (const y of [-800, -40, 40, 800]) {
      const { x, logJac } = invlinkValues(b, [y]);
      expect(x[0]).toBeGreaterThanOrEqual(0.1);
      expect(x[0]).toBeLessThanOrEqual(0.3);
      expect(logJac).toBeCloseTo(Math.log(0.2) - Math.abs(y), 10);
    }
  });

  it('carries the derivatives of AD bounds through x and log|J|', () => {
    const f = (t: readonly Real[]) => {
      const r = bijectorFor({ kind: 'interval', lower: t[1]!, upper: t[2]! }).invlink([t[0]!]);
      return [...r.x, r.logJac];
    };
    for (const y of [-3, 0.25, 6]) expectGradientsAgree(f, [y, -1.5, 2.5]);
    const out = f([0.25, -1.5, 2.5]).map(value);
    expect(out[0]).toBeCloseTo(-1.5 + 4 / (1 + Math.exp(-0.25)), 14);
  });

  it('a bound at infinity is no bound, as in Bijectors’ TruncatedBijector', () => {
    const half = bijectorFor({ kind: 'interval', lower: 0, upper: Infinity });
    expect(invlinkValues(half, [Math.LN2])).toEqual({ x: [2], logJac: Math.LN2 });
    const below = bijectorFor({ kind: 'interval', lower: -Infinity, upper: 1 });
    expect(invlinkValues(below, [0]).x[0]).toBeCloseTo(0, 15);
    const line = bijectorFor({ kind: 'interval', lower: -Infinity, upper: Infinity });
    expect(invlinkValues(line, [1.25])).toEqual({ x: [1.25], logJac: 0 });
  });
});
