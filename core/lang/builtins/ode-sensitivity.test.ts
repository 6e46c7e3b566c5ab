import { describe, expect, it } from 'vitest';
import { Tape, finiteDifferenceGradient, forwardGradient, ops, reverseGradient, trackerGradient, value, type Real } from '../../ad/index.js';
import { JArray, JFunction, JTuple, type Value } from '../../model/index.js';
import { bindSource } from '../../testing/index.js';
import { compareOp } from '../runtime/index.js';
import { call } from './testing.js';

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

describe('the right-hand side replayed from a compiled tape', () => {
  /** u′ = −k u + a (t < 1 when `switched`), its calls counted; solve's last value at θ = (k, a). */
  const decay = (switched: boolean) => {
    let calls = 0;
    const f = new JFunction(
      'decay',
      (args) => {
        calls++;
        const [u, p, t] = args as [Real, JTuple, Real];
        const [k, a] = p.items as [Real, Real];
        // The runtime's comparison, which tells a recording that t decided the branch.
        const source = switched && compareOp('>=', t, 1) ? 0 : a;
        return ops.add(ops.neg(ops.mul(k, u)), source);
      },
      (n) => n === 3,
    );
    const last = (theta: readonly Real[]): Real => {
      const prob = call('ODEProblem', [f, 1, new JTuple([0, 2]), new JTuple([theta[0]!, theta[1]!])]);
      const sol = call('solve', [prob], { abstol: 1e-12, reltol: 1e-12, tstops: JArray.vector([1], 'float') }) as unknown as { data: Value[] };
      return sol.data[sol.data.length - 1] as Real;
    };
    return { last, calls: () => calls };
  };

  it('runs the user function a few times per solve, not at every stage, to the gradient of finite differences on every backend', () => {
    const { last, calls } = decay(false);
    const theta = [0.7, 0.4];
    const fd = finiteDifferenceGradient(last, theta);
    for (const gradient of [forwardGradient, reverseGradient, trackerGradient]) {
      const before = calls();
      const g = gradient(last, theta);
      // A recording, its check, and the initial step's two evaluations at most.
      expect(calls() - before).toBeLessThan(6);
      expect(g.value).toBeCloseTo(fd.value, 10);
      g.grad.forEach((x, i) => expect(x).toBeCloseTo(fd.grad[i]!, 6));
    }
  });

  it('a function that branches on t (a dosing switch) cannot be replayed, and runs as it is', () => {
    const { last, calls } = decay(true);
    const theta = [0.7, 0.4];
    const before = calls();
    const g = reverseGradient(last, theta);
    expect(calls() - before).toBeGreaterThan(50);
    const fd = finiteDifferenceGradient(last, theta);
    g.grad.forEach((x, i) => expect(x).toBeCloseTo(fd.grad[i]!, 5));
  });
});
