import { describe, expect, it } from 'vitest';
import { Tape, reverseGradient, value } from '../../ad/index.js';
import { bindSource } from '../../testing/index.js';

/** Lotka–Volterra with its parameters passed as `p`, or closed over by the right-hand side (`p` unused). */
const lotkaVolterra = (closure: boolean): string => `
using DifferentialEquations
@model function lv(y)
    α ~ LogNormal(0, 0.2)
    β ~ LogNormal(0, 0.2)
    x0 ~ LogNormal(0, 0.2)
    f = ${closure ? '(u, p, t) -> [(α - u[2]) * u[1], (β * u[1] - 1) * u[2]]' : '(u, p, t) -> [(p[1] - u[2]) * u[1], (p[2] * u[1] - 1) * u[2]]'}
    sol = solve(ODEProblem(f, [x0, 1.0], (0.0, 5.0), [α, β]), Tsit5(); saveat = 0.5, abstol = 1e-10, reltol = 1e-10)
    for i in eachindex(y)
        y[i] ~ Normal(sol[1, i], 0.2)
    end
end`;
const DATA = JSON.stringify({ y: [1.2, 1.9, 2.1, 1.4, 0.6, 0.4, 0.5, 0.8, 1.5, 2.1, 1.8] });

function tapeLength(source: string, theta: readonly number[]): number {
  const { bound } = bindSource(source, DATA);
  const tape = new Tape();
  value(bound.logdensity(tape.begin(theta, false)));
  return tape.length;
}

describe('solve as one node per saved value', () => {
  const theta = [0.1, -0.2, 0.05];

  it('records a reverse tape of a node per saved value, not every stage of every step; a right-hand side closing over the parameters is recorded whole, to the same gradient', () => {
    const oneNode = tapeLength(lotkaVolterra(false), theta);
    const recorded = tapeLength(lotkaVolterra(true), theta);
    // 11 saved states, the distributions and the bijectors: well under a hundred entries; the solve takes hundreds of steps.
    expect(oneNode).toBeLessThan(120);
    expect(recorded).toBeGreaterThan(20 * oneNode);
    const passed = reverseGradient((t) => bindSource(lotkaVolterra(false), DATA).bound.logdensity(t), theta);
    const closed = reverseGradient((t) => bindSource(lotkaVolterra(true), DATA).bound.logdensity(t), theta);
    expect(passed.value).toBe(closed.value);
    passed.grad.forEach((g, i) => expect(g).toBeCloseTo(closed.grad[i]!, 8));
  });
});
