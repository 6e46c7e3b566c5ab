import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Real } from '../ad/index.js';
import { RK4, integrate } from '../ode/index.js';
import { checkModel } from './index.js';
import { checked as run, jsonData as json } from './testing.js';

/** Turing's "Bayesian Estimation of Differential Equations" tutorial, as its page gives it. */
const TUTORIAL = readFileSync(join(import.meta.dirname, 'fixtures', 'differential-equations.jl'), 'utf8');

/** The Lotka–Volterra solution at 0, 0.1, …, 10 by classical RK4 on a step of 1e-4 (converged to ~1e-14). */
function lotkaVolterra(p: readonly number[]): number[][] {
  const [a, b, c, d] = p as [number, number, number, number];
  const f = (u: readonly Real[]): Real[] => {
    const [x, y] = u as [number, number];
    return [(a - b * y) * x, (d * x - c) * y];
  };
  const saveat = Array.from({ length: 99 }, (_, i) => (i + 1) / 10);
  const r = integrate(f, [1, 1], 0, 10, { method: RK4, adaptive: false, dt: 1e-4, abstol: 0, reltol: 0, dtmax: Infinity, dtmin: 0, maxiters: 1e6, saveat, everyStep: false, saveStart: true, saveEnd: true });
  return r.u.map((u) => u.map((x) => x as number));
}

/**
 * The tutorial's delayed Lotka–Volterra system, x′ = 1.5 x(t − 1) − x y, y′ = −3 y + x y with x = 1 before 0, at
 * t = 0, dt, …, 10: classical RK4 on a step that divides the lag, so x(t − 1) is a grid value at the step's ends
 * and a cubic Hermite value at its middle (error ~dt⁴).
 */
function delayedLotkaVolterra(dt: number): [number, number][] {
  const lag = Math.round(1 / dt);
  const f = (x: number, y: number, delayed: number): [number, number] => [1.5 * delayed - x * y, -3 * y + x * y];
  const xs = [1];
  const ys = [1];
  const slopes: number[] = [];
  const delayedAt = (k: number): number => (k < 0 ? 1 : xs[k]!);
  const delayedMiddle = (k: number): number => (k < 0 ? 1 : 0.5 * (xs[k]! + xs[k + 1]!) + (dt / 8) * (slopes[k]! - slopes[k + 1]!));
  for (let k = 0; k < Math.round(10 / dt); k++) {
    const [x, y] = [xs[k]!, ys[k]!];
    const k1 = f(x, y, delayedAt(k - lag));
    slopes[k] = k1[0];
    const middle = delayedMiddle(k - lag);
    const k2 = f(x + (dt / 2) * k1[0], y + (dt / 2) * k1[1], middle);
    const k3 = f(x + (dt / 2) * k2[0], y + (dt / 2) * k2[1], middle);
    const k4 = f(x + dt * k3[0], y + dt * k3[1], delayedAt(k + 1 - lag));
    xs.push(x + (dt / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]));
    ys.push(y + (dt / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]));
    slopes[k + 1] = f(xs[k + 1]!, ys[k + 1]!, delayedAt(k + 1 - lag))[0];
  }
  return xs.map((x, i) => [x, ys[i]!]);
}

const TRUE = { σ: 0.8, α: 1.5, β: 1.0, γ: 3.0, δ: 1.0 };

/** Σ over times and states of log N(data | solution, σ²) with the data equal to the reference solution: only the solver's error shows. */
function noiseFreeLoglik(source: string): number {
  const states = lotkaVolterra([TRUE.α, TRUE.β, TRUE.γ, TRUE.δ]);
  const data = [states.map((u) => u[0]), states.map((u) => u[1])];
  return run({ source, data: json({ data }), params: TRUE }).value.loglikelihood;
}
const EXACT_LOGLIK = 2 * 101 * -0.5 * Math.log(2 * Math.PI * TRUE.σ ** 2);

describe("Turing's differential-equations tutorial, pasted whole", () => {
  it('checks with the script\'s own ODEProblem and simulated data, and says what `auto` differentiates with and why', () => {
    const report = run({ source: TUTORIAL, params: TRUE, ad: 'auto' });
    expect(report.value.parameters.map((p) => p.name)).toEqual(['σ', 'α', 'β', 'γ', 'δ']);
    expect(report.warnings.filter((w) => w.severity !== 'info').map((w) => w.message)).toEqual(['`using StatsPlots` is ignored: the workbench draws the plots']);
    expect(Number.isFinite(report.value.loglikelihood)).toBe(true);
    expect(report.value.auto?.backend).toBe('forwarddiff');
    expect(report.value.auto?.reason).toContain("no compiled tape: at line 21 (`solve(prob, Tsit5(); p=p, saveat=0.1)`), `solve`'s adaptive step-size control");
    expect(report.value.scriptRun?.text).toBe('NUTS(δ = 0.65), 1000 draws × 3 chains after 500 warm-up');
  });

  it('its model, given data equal to the exact solution, fits it to the default tolerances, and to 1e-8 at tight ones', () => {
    expect(Math.abs(noiseFreeLoglik(TUTORIAL) - EXACT_LOGLIK)).toBeLessThan(0.1);
    const tight = TUTORIAL.replace('solve(prob, Tsit5(); p=p, saveat=0.1)', 'solve(prob, Tsit5(); p=p, saveat=0.1, abstol=1e-12, reltol=1e-12)');
    expect(Math.abs(noiseFreeLoglik(tight) - EXACT_LOGLIK)).toBeLessThan(1e-8);
  });

  it("its second model, predators only (`save_idxs=2`, `data ~ MvNormal(predicted.u, σ^2 * I)`), fits the exact predator counts", () => {
    const source = TUTORIAL.replace('return nothing\nend\nmodel = fitlv(odedata, prob)', `return nothing\nend\n@model function fitlv2(data::AbstractVector, prob)\n    σ ~ InverseGamma(2, 3)\n    α ~ truncated(Normal(1.5, 0.5); lower=0.5, upper=2.5)\n    β ~ truncated(Normal(1.2, 0.5); lower=0, upper=2)\n    γ ~ truncated(Normal(3.0, 0.5); lower=1, upper=4)\n    δ ~ truncated(Normal(1.0, 0.5); lower=0, upper=2)\n    p = [α, β, γ, δ]\n    predicted = solve(prob, Tsit5(); p=p, saveat=0.1, save_idxs=2, abstol=1e-12, reltol=1e-12)\n    data ~ MvNormal(predicted.u, σ^2 * I)\n    return nothing\nend\nmodel2 = fitlv2(odedata[2, :], prob)\nmodel = fitlv(odedata, prob)`);
    const predators = lotkaVolterra([TRUE.α, TRUE.β, TRUE.γ, TRUE.δ]).map((u) => u[1]);
    const report = run({ source, modelName: 'fitlv2', data: json({ data: predators }), params: TRUE });
    expect(Math.abs(report.value.loglikelihood - EXACT_LOGLIK / 2)).toBeLessThan(1e-8);
  });

  it("its delay-differential section (DDEProblem, MethodOfSteps(Tsit5()), h(p, t - 1; idxs=1)) runs, matching a method-of-steps RK4 reference", () => {
    const source = `using DifferentialEquations
function delay_lotka_volterra(du, u, h, p, t)
    α, β, γ, δ = p
    x, y = u
    du[1] = α * h(p, t - 1; idxs=1) - β * x * y
    du[2] = -γ * y + δ * x * y
    return nothing
end
p = (1.5, 1.0, 3.0, 1.0)
u0 = [1.0; 1.0]
tspan = (0.0, 10.0)
h(p, t; idxs::Int) = 1.0
prob_dde = DDEProblem(delay_lotka_volterra, u0, h, tspan, p);
@model function fitlv_dde(prob)
    θ ~ Normal()
    return (loose = Array(solve(prob, MethodOfSteps(Tsit5()); saveat=1.0)), tight = Array(solve(prob, MethodOfSteps(Tsit5()); saveat=1.0, abstol=1e-10, reltol=1e-10)))
end
model_dde = fitlv_dde(prob_dde)
`;
    const v = run({ source, params: { θ: 0 } }).value.generated;
    const reference = delayedLotkaVolterra(1 / 1000);
    // Converged: half the step moves the end by far less than what is compared.
    expect(Math.abs(delayedLotkaVolterra(1 / 2000)[20000]![0] - reference[10000]![0])).toBeLessThan(1e-10);
    for (let j = 1; j <= 11; j++) {
      const [x, y] = reference[(j - 1) * 1000]!;
      expect(Math.abs(v[`return.tight[1, ${j}]`]! - x!)).toBeLessThan(1e-7);
      expect(Math.abs(v[`return.tight[2, ${j}]`]! - y!)).toBeLessThan(1e-7);
      expect(Math.abs(v[`return.loose[1, ${j}]`]! - x!) / (1 + x!)).toBeLessThan(2e-3);
    }
  });

  it('its stochastic section names what Tilde lacks', () => {
    const c = checkModel({ source: '@model function m(prob)\n    θ ~ Normal()\n    s = solve(prob, SOSRI())\nend\n', params: { θ: 0 } });
    const e = c.ok ? undefined : c.diagnostics.find((d) => d.severity === 'error');
    expect(e?.message).toMatch(/^`SOSRI` is DifferentialEquations' stochastic differential equations \(or ensembles of solves\), which Tilde's `solve` does not have/);
  });

  it('its simulated data are the solution plus N(0, 0.8²) noise', () => {
    const source = TUTORIAL.replace('return nothing\nend\nmodel', 'return data .- Array(solve(prob; saveat=0.1))\nend\nmodel');
    const noise = Object.values(run({ source, params: TRUE }).value.generated);
    expect(noise.length).toBe(202);
    const mean = noise.reduce((a, b) => a + b, 0) / noise.length;
    const sd = Math.sqrt(noise.reduce((a, b) => a + (b - mean) ** 2, 0) / (noise.length - 1));
    expect(Math.abs(mean)).toBeLessThan((4 * 0.8) / Math.sqrt(202));
    expect(sd).toBeGreaterThan(0.8 * 0.8);
    expect(sd).toBeLessThan(0.8 * 1.2);
  });
});

/** A script's values, returned by a model that does nothing else, flattened by name as `tilde check` prints them. */
function scriptValues(lines: string, returned: string): Record<string, number> {
  const source = `using DifferentialEquations, SciMLBase\n${lines}\n@model function m(x)\n    θ ~ Normal()\n    return x\nend\nmodel = m(${returned})\n`;
  const report = run({ source, params: { θ: 0 } });
  return report.value.generated;
}

describe('ODEProblem, remake and solve', () => {
  it("UnPack's `@unpack α, β = p` reads a named tuple of parameters in the right-hand side", () => {
    const source = `using DifferentialEquations, UnPack\nfunction decay!(du, u, p, t)\n    @unpack a, b = p\n    du[1] = -a * u[1]\n    du[2] = -b * u[2]\nend\n@model function m(y)\n    k ~ Normal(1, 0.1)\n    sol = solve(ODEProblem(decay!, [1.0, 1.0], (0.0, 1.0), (a = k, b = 2k)); abstol = 1e-10, reltol = 1e-10)\n    y ~ Normal(sol[end][1] + sol[end][2], 0.1)\nend\n`;
    const report = run({ source, data: json({ y: 0.5 }), params: { k: 1 } });
    expect(report.warnings).toEqual([]);
    expect(report.value.loglikelihood).toBeCloseTo(-0.5 * Math.log(2 * Math.PI * 0.01) - (0.5 - Math.exp(-1) - Math.exp(-2)) ** 2 / 0.02, 8);
  });

  it('in-place `f(du, u, p, t)` and out-of-place `f(u, p, t)`, told apart by their arguments, give the same solution', () => {
    const v = scriptValues(
      `function decay!(du, u, p, t)\n    du[1] = -p[1] * u[1]\n    du[2] = -p[2] * u[2]\nend\ndecay(u, p, t) = -p .* u\nps = [0.5, 2.0]`,
      `(a = Array(solve(ODEProblem(decay!, [1.0, 3.0], (0.0, 2.0), ps); saveat = 0.5)), b = Array(solve(ODEProblem(decay, [1.0, 3.0], (0.0, 2.0), ps); saveat = 0.5)))`,
    );
    for (let j = 1; j <= 5; j++) {
      const t = (j - 1) * 0.5;
      expect(v[`return.a[1, ${j}]`]).toBeCloseTo(Math.exp(-0.5 * t), 4);
      expect(v[`return.a[2, ${j}]`]).toBeCloseTo(3 * Math.exp(-2 * t), 3);
      expect(v[`return.b[1, ${j}]`]).toBe(v[`return.a[1, ${j}]`]);
      expect(v[`return.b[2, ${j}]`]).toBe(v[`return.a[2, ${j}]`]);
    }
  });

  it("reads a solution as SciML does: sol[i] a state, sol[j, i], sol[:, i], sol[j, :], sol.t, sol.u, length, eachindex, iteration, retcode", () => {
    const v = scriptValues(
      `osc(u, p, t) = [u[2], -p^2 * u[1]]\nsol = solve(ODEProblem(osc, [1.0, 0.0], (0.0, 1.0), 2.0), Tsit5(); saveat = 0.25, abstol = 1e-10, reltol = 1e-10)\nA = Array(sol)`,
      `(t = sol.t, n = length(sol), ei = collect(eachindex(sol)), last = sol[end], s2 = sol[2], j = sol[2, 3], col = sol[:, 3], row = sol[1, :], hc = reduce(hcat, sol.u) == A, it = [u[1] for u in sol], sz = size(sol), ok = SciMLBase.successful_retcode(sol), code = sol.retcode == :Success, code2 = sol.retcode == ReturnCode.Success)`,
    );
    const x = (t: number): number => Math.cos(2 * t);
    const dx = (t: number): number => -2 * Math.sin(2 * t);
    expect([1, 2, 3, 4, 5].map((i) => v[`return.t[${i}]`])).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect([v['return.n'], v['return.sz[1]'], v['return.sz[2]']]).toEqual([5, 2, 5]);
    expect([1, 2, 3, 4, 5].map((i) => v[`return.ei[${i}]`])).toEqual([1, 2, 3, 4, 5]);
    expect(v['return.last[1]']).toBeCloseTo(x(1), 8);
    expect(v['return.last[2]']).toBeCloseTo(dx(1), 8);
    expect(v['return.s2[1]']).toBeCloseTo(x(0.25), 8);
    expect(v['return.j']).toBeCloseTo(dx(0.5), 8);
    expect([v['return.col[1]'], v['return.col[2]']]).toEqual([v['return.row[3]'], v['return.j']]);
    expect([1, 2, 3, 4, 5].map((i) => v[`return.row[${i}]`])).toEqual([1, 2, 3, 4, 5].map((i) => v[`return.it[${i}]`]));
    expect(v['return.row[5]']).toBeCloseTo(x(1), 8);
    expect([v['return.hc'], v['return.ok'], v['return.code'], v['return.code2']]).toEqual([1, 1, 1, 1]);
  });

  it('calls a solution for its dense output between the saved times: sol(t), sol(t; idxs), sol(ts)', () => {
    const v = scriptValues(
      `osc(u, p, t) = [u[2], -p^2 * u[1]]\nsol = solve(ODEProblem(osc, [1.0, 0.0], (0.0, 2.0), 2.0), Tsit5(); saveat = 0.5, abstol = 1e-10, reltol = 1e-10)`,
      `(a = sol(0.3), b = sol(1.23; idxs = 2), c = Array(sol([0.1, 1.7])), n = length(sol([0.1, 0.2, 0.3])))`,
    );
    expect(v['return.a[1]']).toBeCloseTo(Math.cos(0.6), 8);
    expect(v['return.a[2]']).toBeCloseTo(-2 * Math.sin(0.6), 8);
    expect(v['return.b']).toBeCloseTo(-2 * Math.sin(2.46), 8);
    expect([v['return.c[1, 1]'], v['return.c[1, 2]']].map((x) => Math.round(x! * 1e7) / 1e7)).toEqual([Math.cos(0.2), Math.cos(3.4)].map((x) => Math.round(x * 1e7) / 1e7));
    expect(v['return.n']).toBe(3);
  });

  it('remake, solve\'s p and u0, save_idxs, tstops, a scalar ODE, ODEFunction, and fixed-step Euler and RK4 with dt', () => {
    const v = scriptValues(
      `g(u, p, t) = p * u\nprob = ODEProblem(ODEFunction(g; jac = nothing), 1.0, (0.0, 1.0), -1.0)`,
      `(stop = solve(ODEProblem((u, p, t) -> max(0.0, 0.5 - t), 0.0, (0.0, 1.0)); tstops = [0.5])[end], r = solve(remake(prob; p = -2.0))[end], k = solve(prob; p = -3.0, u0 = 2.0)[end], e = solve(prob, Euler(); dt = 0.25)[end], rk = solve(prob, RK4(); dt = 0.1, saveat = [0.5])[1], idx = solve(ODEProblem((u, p, t) -> -u, [1.0, 2.0], (0.0, 1.0)); save_idxs = 2, saveat = 0.5)[end])`,
    );
    expect(v['return.stop']).toBeCloseTo(0.125, 12);
    expect(v['return.r']).toBeCloseTo(Math.exp(-2), 3);
    expect(v['return.k']).toBeCloseTo(2 * Math.exp(-3), 3);
    expect(v['return.e']).toBeCloseTo(0.75 ** 4, 14);
    expect(v['return.rk']).toBeCloseTo(Math.exp(-0.5), 6);
    expect(v['return.idx']).toBeCloseTo(2 * Math.exp(-1), 3);
  });

  it('a higher-order method Tilde lacks runs as Tsit5 with a warning; a stiff solver, a fixed-step method without dt and an unknown option are errors', () => {
    const source = (call: string): string => `using DifferentialEquations\nf(u, p, t) = -u\nprob = ODEProblem(f, 1.0, (0.0, 1.0))\n@model function m(prob)\n    θ ~ Normal()\n    s = ${call}\n    return s[end]\nend\nmodel = m(prob)\n`;
    const vern = run({ source: source('solve(prob, Vern7(); abstol = 1e-10, reltol = 1e-10)'), params: { θ: 0 } });
    expect(vern.warnings.find((w) => w.severity === 'warning')).toMatchObject({ line: 6, message: "`Vern7()` runs as `Tsit5()` here (Tilde's explicit methods are Tsit5, DP5, BS3, RK4, Midpoint and Euler): the solution meets the same abstol and reltol" });
    expect(vern.value.generated['return']).toBeCloseTo(Math.exp(-1), 9);
    const error = (call: string): string | undefined => {
      const c = checkModel({ source: source(call), params: { θ: 0 } });
      return c.ok ? undefined : c.diagnostics.find((d) => d.severity === 'error')?.message;
    };
    expect(error('solve(prob, TRBDF2())')).toMatch(/^`TRBDF2` is a stiff solver of DifferentialEquations: Tilde's `solve` has explicit Runge–Kutta methods only/);
    expect(error('solve(prob, RK4())')).toBe('solve: RK4 takes fixed steps here: give their size, `dt = …` (as DifferentialEquations asks of a fixed-step method)');
    expect(error('solve(prob, Tsit5(); callback = nothing)')).toMatch(/^solve has no keyword argument `callback`/);
  });

  it('SciMLSensitivity is accepted and its `sensealg` ignored: the solver\'s own steps are differentiated', () => {
    const source = `using DifferentialEquations, SciMLSensitivity\nf(u, p, t) = -p * u\n@model function m(y)\n    k ~ Normal(1, 0.1)\n    s = solve(ODEProblem(f, 1.0, (0.0, 1.0), k), Tsit5(); sensealg = InterpolatingAdjoint(autojacvec = ReverseDiffVJP(true)), abstol = 1e-10, reltol = 1e-10)\n    y ~ Normal(s[end], 0.1)\nend\n`;
    const report = run({ source, data: json({ y: 0.4 }), params: { k: 1 } });
    expect(report.warnings.map((w) => w.message)).toEqual(['`using SciMLSensitivity` is ignored: `solve` is differentiated by forward sensitivities of the solver\'s own steps, whichever AD backend is chosen (`sensealg` is ignored)']);
    expect(report.value.loglikelihood).toBeCloseTo(-0.5 * Math.log(2 * Math.PI * 0.01) - (0.4 - Math.exp(-1)) ** 2 / 0.02, 8);
  });
});

describe('a solve that fails', () => {
  const model = (check: string): string =>
    `using DifferentialEquations, SciMLBase, Turing\nf(u, p, t) = -p * u\n@model function m(y)\n    k ~ Normal(1, 0.1)\n    sol = solve(ODEProblem(f, 1.0, (0.0, 1.0), k), Tsit5(); saveat = 0.5, maxiters = 3)\n${check}    y ~ Normal(sol[end], 0.1)\nend\n`;

  it('isoutofdomain (a positivity check) stops a solve whose state must leave the domain, and the idiom rejects the point', () => {
    const source = `using DifferentialEquations, SciMLBase\n@model function m(y)\n    k ~ Normal(1, 0.1)\n    sol = solve(ODEProblem((u, p, t) -> -p, 1.0, (0.0, 2.0), k), Tsit5(); saveat = 0.5, isoutofdomain = (u, p, t) -> u < 0)\n    if !SciMLBase.successful_retcode(sol)\n        @addlogprob! -Inf\n        return nothing\n    end\n    y ~ Normal(sol[end], 0.1)\nend\n`;
    expect(run({ source, data: json({ y: 0.4 }), params: { k: 1 } }).value.logdensity).toBe(-Infinity);
    expect(run({ source, data: json({ y: 0.4 }), params: { k: 0.3 } }).value.loglikelihood).toBeCloseTo(-0.5 * Math.log(2 * Math.PI * 0.01) - (0.4 - 0.4) ** 2 / 0.02, 8);
  });

  it('a NaN parameter stops the solve at once with DtNaN, not at maxiters of NaN steps; steps rejected at t = 0 stop at DiffEqBase\'s dtmin, eps at the ends of tspan', () => {
    const v = scriptValues(
      `nan = solve(ODEProblem((u, p, t) -> -p * u, [1.0, 2.0], (0.0, 40.0), NaN), Tsit5())\nwall = solve(ODEProblem((u, p, t) -> t > 0 ? Inf : 0.0, 1.0, (0.0, 40.0)), Tsit5())`,
      `(nan = nan.retcode == ReturnCode.DtNaN, ok = SciMLBase.successful_retcode(nan), nf = nan.stats.nf, wall = wall.retcode == :DtLessThanMin, rejected = wall.stats.nreject)`,
    );
    expect([v['return.nan'], v['return.ok'], v['return.wall']]).toEqual([1, 0, 1]);
    expect(v['return.nf']).toBeLessThan(5);
    expect(v['return.rejected']).toBeLessThan(30);
  });

  it("Turing's idiom — check the retcode, add −Inf and return — gives the point no density", () => {
    const source = model('    if !SciMLBase.successful_retcode(sol)\n        Turing.@addlogprob! -Inf\n        return nothing\n    end\n');
    const report = run({ source, data: json({ y: 0.4 }), params: { k: 1 } });
    expect(report.value.logdensity).toBe(-Infinity);
  });

  it('without the check, reading a time it did not reach is an error naming the retcode (samplers reject the point)', () => {
    const c = checkModel({ source: model(''), data: json({ y: 0.4 }), params: { k: 1 } });
    expect(c.ok).toBe(false);
    const e = c.ok ? undefined : c.diagnostics.find((d) => d.severity === 'error');
    expect(e?.message).toMatch(/^`solve` stopped at t = 0\.\d+ with retcode MaxIters \(more steps than `maxiters`\), so the solution has no state at t = 1: where a solve may fail, check `SciMLBase.successful_retcode\(sol\)` first/);
    expect(e?.line).toBe(6);
  });
});

