import { describe, expect, it } from 'vitest';
import { expectGradient } from '../../testing/index.js';
import { checkModel } from '../index.js';

const logistic = (y: number): number => 1 / (1 + Math.exp(-y));

/** The generated quantities of a model at the given parameter values. */
function generated(body: string, params: Record<string, unknown>): Record<string, number> {
  const outcome = checkModel({ source: `using Bijectors\n@model function m()\n    x ~ Normal()\n${body}\nend\n`, params });
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
  return outcome.value.generated;
}

describe("Bijectors' Logit and inverse", () => {
  it('maps ℝ into (a, b) with inverse(Logit(a, b)), and back with Logit(a, b), elementwise over arrays', () => {
    const g = generated('    y := inverse(Bijectors.Logit(1.0, 3.0))(x)\n    z := Logit(1.0, 3.0)(y)\n    v := inverse(Logit(0, 2))([x, 2x])', { x: 0.4 });
    expect(g['y']).toBeCloseTo(1 + 2 * logistic(0.4), 14);
    expect(g['z']).toBeCloseTo(0.4, 12);
    expect([g['v[1]'], g['v[2]']]).toEqual([2 * logistic(0.4), 2 * logistic(0.8)].map((e) => expect.closeTo(e, 14)));
  });

  it("inverts OrderedBijector() and an inverse, and says what it inverts for anything else", () => {
    const g = generated('    w := inverse(OrderedBijector())(OrderedBijector()([x, 0.5, -1.0]))\n    u := inverse(inverse(Logit(0, 1)))(0.25)', { x: 0.4 });
    expect([g['w[1]'], g['w[2]'], g['w[3]']]).toEqual([0.4, 0.5, -1].map((e) => expect.closeTo(e, 12)));
    expect(g['u']).toBeCloseTo(Math.log(1 / 3), 14);
    const outcome = checkModel({ source: '@model function m()\n    x ~ Normal()\n    y := inverse(exp)(x)\nend\n' });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^inverse: Tilde has the inverses of Bijectors' `Logit\(a, b\)` and `OrderedBijector\(\)` only; got /)]);
  });

  it('differentiates a parameter mapped into an interval by hand on every backend', () => {
    expectGradient('@model function m(y)\n    s ~ Normal()\n    σ = inverse(Bijectors.Logit(0.1, 5.0))(s)\n    y ~ Normal(0, σ)\nend\n', JSON.stringify({ y: 1.3 }));
  });
});
