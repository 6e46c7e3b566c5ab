import { describe, expect, it } from 'vitest';
import { noteValueDependence, ops, reverseGradient, value, verifiedCompiledGradient, type Real } from './index.js';
import { expectGradientClose, randomPoints } from './test-support.js';

const smooth = (t: readonly Real[]): Real => ops.sub(ops.logsumexpOf([ops.mul(t[0]!, t[1]!), ops.exp(t[2]!), ops.abs2(t[0]!)]), ops.dotOf(t, [1, -2, 0.5]));

describe('verifiedCompiledGradient', () => {
  it('offers the compiled tape where its replays agree with fresh recordings, and it differentiates correctly elsewhere', () => {
    const tape = verifiedCompiledGradient(smooth, 3);
    expect(tape).toMatchObject({ ok: true, points: 3 });
    if (!tape.ok) return;
    expect(tape.gradient.description).toMatch(/compiled tape/);
    for (const theta of randomPoints(5, 3, 4)) expectGradientClose(tape.gradient(theta), reverseGradient(smooth, theta), 1e-12, `at ${theta.join(', ')}`);
  });

  it('refuses a function whose recording noted a value dependence, quoting the statement', () => {
    const branching = (t: readonly Real[]): Real => {
      noteValueDependence(t[0]!, '`if x > 0` on line 4');
      return value(t[0]!) > 0 ? ops.mul(t[0]!, 2) : t[1]!;
    };
    expect(verifiedCompiledGradient(branching, 2)).toEqual({ ok: false, reason: expect.stringMatching(/^`if x > 0` on line 4 depends on a parameter's value/) });
  });

  it('catches a value dependence nobody noted: the replay follows the recorded path where a fresh recording does not', () => {
    const unnoted = (t: readonly Real[]): Real => (value(t[0]!) * value(t[1]!) > 0 ? ops.mul(t[0]!, 2) : ops.mul(t[1]!, -3));
    expect(verifiedCompiledGradient(unnoted, 2)).toEqual({ ok: false, reason: expect.stringMatching(/^its replay disagreed with a fresh recording at a check point, in (the value|coordinate \d of the gradient): /) });
  });

  it('passes over points where the function throws or is not finite, and refuses when fewer than two are left', () => {
    const positiveOnly = (t: readonly Real[]): Real => {
      if (value(t[0]!) < 1.95) throw new Error('σ must be positive');
      return ops.log(t[0]!);
    };
    expect(verifiedCompiledGradient(positiveOnly, 1)).toEqual({ ok: false, reason: expect.stringMatching(/^the log density was finite at (none|only one) of 20 points drawn from uniform\(−2, 2\)/) });
    const infinite = (t: readonly Real[]): Real => (value(t[0]!) < 0 ? -Infinity : ops.mul(t[0]!, 3));
    expect(verifiedCompiledGradient(infinite, 1)).toMatchObject({ ok: true, points: 3 });
  });
});
