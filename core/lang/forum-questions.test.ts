import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checkModel } from './index.js';
import { checked as run, jsonData as json, normalLogpdf, scriptLines } from './testing.js';

/**
 * Models as users post them in questions on Julia Discourse, Stack Overflow and Turing's Slack: older syntax, data
 * built inline, Julia they knew from elsewhere. Each test names the thread its model comes from.
 */

const warningsOf = (source: string): string[] => {
  const outcome = checkModel({ source });
  if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => d.message).join('; '));
  return outcome.warnings.map((d) => d.message);
};

describe('models from forum questions', () => {
  // Discourse, "Parameterizing matrix in Turing model without mutating arrays": ŷ = e^{At} x₀ for a compartment model.
  it('`exp` of a square matrix is the matrix exponential, as in Julia, and `real` of a real matrix is itself', () => {
    const model = (A: string) => `@model function m(y, t)\n    a ~ Normal()\n    b ~ Normal()\n    c ~ Normal()\n    A = ${A}\n    E = real(exp(A * t))\n    y ~ MvNormal(vec(E), I)\nend\n`;
    const y = [0.5, 0.1, -0.2, 1.5];
    const vecOf = (e: number[][]) => [e[0]![0]!, e[1]![0]!, e[0]![1]!, e[1]![1]!];
    const lik = (e: number[][]) => vecOf(e).reduce((s, m, i) => s + normalLogpdf(y[i]!, m, 1), 0);
    // Upper triangular: e^{At} = [e^{at}  b(e^{at} − e^{ct})/(a − c); 0  e^{ct}] (t = 3 needs squarings).
    const [a, b, c, t] = [0.7, -1.3, 0.2, 3];
    const triangular = run({ source: model('[a b; 0.0 c]'), data: json({ y, t }), params: { a, b, c } });
    const ea = Math.exp(a * t);
    const ec = Math.exp(c * t);
    expect(triangular.value.loglikelihood).toBeCloseTo(lik([[ea, (b * t * (ea - ec)) / (a * t - c * t)], [0, ec]]), 9);
    // A rotation's generator: e^{[0 −θ; θ 0]} = [cos θ  −sin θ; sin θ  cos θ], with θ = 12 far from the series' reach.
    const rotation = run({ source: model('[0.0 -a; a 0.0]'), data: json({ y, t: 12 }), params: { a: 1, b, c } });
    expect(rotation.value.loglikelihood).toBeCloseTo(lik([[Math.cos(12), -Math.sin(12)], [Math.sin(12), Math.cos(12)]]), 9);
    expectGradient(model('[a b; c -a]'), JSON.stringify({ y, t: 2.5 }), 'prior', { compiledRefuses: /squarings of a matrix exponential/ });
    // Each entry's exponential is still `exp.(A)`.
    const entries = run({ source: model('[a b; 0.0 c]').replace('real(exp(A * t))', 'exp.(A * t)'), data: json({ y, t }), params: { a, b, c } });
    expect(entries.value.loglikelihood).toBeCloseTo(lik([[ea, Math.exp(b * t)], [1, ec]]), 9);
  });

  it('`real` and `imag` of real numbers and arrays', () => {
    const source = '@model function m(x)\n    s ~ Exponential()\n    r := real(x) .+ real(2.5)\n    i := imag(x) .+ imag(s)\n    x ~ MvNormal(zeros(2), I)\nend\n';
    const outcome = run({ source, data: json({ x: [0.5, -1] }), params: { s: 1 } });
    expect(outcome.value.generated).toEqual({ 'r[1]': 3, 'r[2]': 1.5, 'i[1]': 0, 'i[2]': 0 });
  });

  // Discourse, "ODEs inside a Turing model": `using DualNumbers` beside the AD packages, and `alg_hints = [:nonstiff]`.
  it('`using DualNumbers` is ignored as the AD packages are, and `alg_hints` picks the non-stiff method Tilde has', () => {
    const source = (hints: string) =>
      `using Turing, DifferentialEquations, DualNumbers\nfunction line!(du, u, p, t)\n    du[1] = p[1]\nend\n@model function fitline(ys)\n    m ~ Normal()\n    prob = ODEProblem(line!, [0.0], (0.0, 1.0), [m])\n    sol = solve(prob${hints})\n    ys ~ Normal(sol.u[end][1], 1)\nend\nmodel = fitline(0.4)\n`;
    expect(warningsOf(source(', saveat = [1.0], alg_hints = [:nonstiff]'))).toContain('`using DualNumbers` is ignored: the AD backend is chosen in the workbench or with --ad');
    const lik = (hints: string) => run({ source: source(hints), params: { m: 0.9 } }).value.loglikelihood;
    expect(lik(', saveat = [1.0], alg_hints = [:nonstiff]')).toBeCloseTo(normalLogpdf(0.4, 0.9, 1), 6);
    expect(lik(', alg_hints = [:auto]')).toBe(lik(''));
    const stiff = checkModel({ source: source(', alg_hints = [:stiff]') });
    expect(stiff.ok ? [] : stiff.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([expect.stringMatching(/^solve: `alg_hints = \[:stiff\]` asks for a stiff method: Tilde's `solve` has explicit Runge–Kutta methods only/)]);
  });

  // Turing issue #78 (2017), a user's BUGS model: lam[i] ~ Gamma(.001, .001) rounds to 0 about half the time.
  it("a vague Gamma(0.001, 0.001) prior's draws that round to 0 no longer stop the check with 'outside the support'", () => {
    const source = '@model function gauss(x)\n    N = length(x)\n    lam = ones(Float64, N)\n    mu ~ Normal(0, sqrt(1000))\n    for i = 1:N\n        lam[i] ~ Gamma(.001, .001)\n        x[i] ~ Normal(mu, sqrt(1 / (sqrt(lam[i]))))\n    end\n    mu, lam\nend\n';
    const outcome = run({ source, data: json({ x: [-27.02, 3.57, 8.191, 9.898, 9.603, 9.945, 10.056] }) });
    expect(Number.isFinite(outcome.value.logjoint)).toBe(true);
  });

  // Discourse, "Constrained parameter in Turing" (2021): the data line `y_test = sample([0,1], 11)` is StatsBase's sample.
  it("StatsBase's `sample` of a collection draws a script's data; Turing's `sample(model, …)` line is still the run's settings", () => {
    const source = 'using Turing\nt_test = [146.0:156.0;]\ny_test = sample([0,1], 11)\n@model function test_fit(y, t)\n    β_1 ~ truncated(Normal(-0.01), -0.5, 0)\n    α_1 ~ truncated(Normal(0), -2.0, -β_1 * minimum(t))\n    for i = 1:length(t)\n        y[i] ~ Bernoulli(exp(α_1 + β_1 * t[i]))\n    end\nend\nmodel_test = test_fit(y_test, t_test)\nchain_test = sample(model_test, NUTS(.65), 100)\n';
    const outcome = run({ source, params: { β_1: -0.01, α_1: 0.5 } });
    expect(outcome.value.scriptRun?.text).toMatch(/^NUTS\(δ = 0\.65\), 100 draws/);
    // The same first draw of the same seed: the model's likelihood is that of these 11 zeros and ones.
    const { valueOf } = scriptLines('using StatsBase');
    const y = valueOf('y = sample([0, 1], 11)', 'y');
    expect(new Set(y)).toEqual(new Set([0, 1]));
    const p = (t: number) => Math.exp(0.5 - 0.01 * t);
    expect(outcome.value.loglikelihood).toBeCloseTo(y.reduce((a, v, i) => a + Math.log(v === 1 ? p(146 + i) : 1 - p(146 + i)), 0), 12);
    expect(valueOf('s = sample(1:5, 5; replace = false)', 's').sort()).toEqual([1, 2, 3, 4, 5]);
    const ordered = valueOf('s = sample(1:6, 4, replace = false, ordered = true)', 's');
    expect(ordered).toEqual([...new Set(ordered)].sort());
    expect(valueOf('s = sample(1:3, Weights([0, 1, 0]), 4)', 's')).toEqual([2, 2, 2, 2]);
    // A collection held in a constant: `sample(x, n)` is told from Turing's `sample(model, …)` by the constant's value.
    const boot = valueOf('x = [0.5, 1.5, 2.5]\nrng = Xoshiro(2)\nb = sample(rng, x, 8)', 'b');
    expect(boot).toHaveLength(8);
    expect(boot.every((v) => [0.5, 1.5, 2.5].includes(v))).toBe(true);
    const draws = valueOf('s = sample(1:2, pweights([0.25, 0.75]), 4000)', 's');
    // Mean 1.75, sd of the mean √(0.1875/4000) ≈ 0.007.
    expect(Math.abs(draws.reduce((a, b) => a + b, 0) / 4000 - 1.75)).toBeLessThan(0.03);
  });

  // Discourse 28681, an answer's mixture model: `for n in length(x)` observes only x[length(x)], silently in Turing.
  it('`for n in length(x)` is run as Julia runs it, once, with a warning that says so', () => {
    const source = '@model function gmm(x, K)\n    m ~ MvNormal(zeros(K), ones(K))\n    for n in length(x)\n        x[n] ~ Normal(m[1])\n    end\n    for j in size(x, 1), k in 1:K\n        m[k] ~ Normal()\n    end\nend\n';
    const x = [-2.1, -1.9, 2.2];
    const outcome = run({ source: source.replace(/    for j[\s\S]*?end\n(?=end)/, ''), data: json({ x, K: 2 }), params: { m: [0.5, -1] } });
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(2.2, 0.5, 1), 12);
    const checked = checkModel({ source, data: json({ x, K: 2 }) });
    const warnings = (checked.ok ? checked.warnings : checked.diagnostics).filter((d) => d.severity === 'warning').map((d) => [d.line, d.message]);
    expect(warnings.slice(0, 2)).toEqual([
      [3, '`for n in length(x)` runs once, with `n` = length(x): a number iterates over itself in Julia; to loop over the indices write `for n in 1:length(x)`'],
      [6, '`for j in size(x, 1)` runs once, with `j` = size(x, 1): a number iterates over itself in Julia; to loop over the indices write `for j in 1:size(x, 1)`'],
    ]);
  });

  // Turing issue #1851: a user's TuringGLM formula, `turing_model(@formula(nrx ~ calls80 + (1 | mdmidc)), df)`.
  it('`using TuringGLM` says that Tilde has no formula interface and how to write the model out', () => {
    const outcome = checkModel({ source: 'using TuringGLM, CSV, DataFrames\n@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(μ, 1)\nend\n', data: json({ y: 1 }) });
    expect(outcome.ok ? [] : outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([expect.stringMatching(/^`using TuringGLM` is not supported: Tilde has no formula interface: TuringGLM builds a Turing model from `@formula/)]);
  });

  // Bijectors issue #144's data lines: `omega = rand(LKJ(dim, 2.0))`, then `Symmetric(omega)` as a covariance.
  it("a script's `rand` of a matrix-variate distribution is a matrix, and n draws a vector of matrices", () => {
    const { valueOf } = scriptLines('using Turing, LinearAlgebra');
    const [rows, cols, ...rest] = valueOf('omega = rand(LKJ(4, 2.0))', '[size(omega)..., diag(omega)..., omega[1, 2] - omega[2, 1], abs(omega[1, 3]) < 1]');
    expect([rows, cols, ...rest]).toEqual([4, 4, 1, 1, 1, 1, 0, 1]);
    expect(valueOf('z = rand(filldist(Normal(), 3, 2), 5)', '[length(z), size(z[5])...]')).toEqual([5, 3, 2]);
  });

  // Discourse 36264, "How to impose ordered constraints to model variables": a graded response model's cutpoints
  // built in a vector of vectors, `β[j][k] = β[j][k - 1] + exp(β_diff[j][k - 1])`.
  it('`β[j][k] = …` writes into the inner vector of a vector of vectors, as Julia does; data is copied first', () => {
    const source = '@model graded(data) = begin\n    N, J = size(data)\n    θ = Vector{Real}(undef, N)\n    α = Vector{Real}(undef, J)\n    β = Vector{Vector}(undef, J)\n    β_diff = Vector{Vector}(undef, J)\n    for j in 1:J\n        K = length(unique(data[:, j]))\n        α[j] ~ LogNormal(0, 2)\n        β[j] = Vector{Real}(undef, K-1)\n        β_diff[j] = Vector{Real}(undef, K - 2)\n        for k in 1:K - 1\n            if k == 1\n                β[j][k] ~ Normal(-3, 1)\n            else\n                β_diff[j][k-1] ~ Normal(0, 1)\n                β[j][k] = β[j][k - 1] + exp(β_diff[j][k-1])\n            end\n        end\n    end\n    for i in 1:N\n        θ[i] ~ Normal(0, 1)\n    end\n    for i in 1:N, j in 1:J\n        data[i, j] ~ OrderedLogistic(α[j] * θ[i], β[j])\n    end\nend\n';
    const data = [
      [1, 2],
      [2, 3],
      [3, 1],
      [2, 2],
    ];
    const params = { 'α[1]': 1.5, 'α[2]': 0.7, 'β[1][1]': -1, 'β[2][1]': -0.5, 'β_diff[1][1]': Math.log(2), 'β_diff[2][1]': 0, 'θ[1]': 0.3, 'θ[2]': -1, 'θ[3]': 2, 'θ[4]': 0 };
    const logistic = (x: number) => 1 / (1 + Math.exp(-x));
    // P(y = k) = F(η − c₍ₖ₋₁₎) − F(η − cₖ), c₀ = −∞, c_K = ∞; column 1's cutpoints −1, 1, column 2's −0.5, 0.5.
    const cut = [
      [-1, 1],
      [-0.5, 0.5],
    ];
    const θ = [0.3, -1, 2, 0];
    const α = [1.5, 0.7];
    let expected = 0;
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 2; j++) {
        const [c, k, η] = [cut[j]!, data[i]![j]!, α[j]! * θ[i]!];
        expected += Math.log((k === 1 ? 1 : logistic(η - c[k - 2]!)) - (k === 3 ? 0 : logistic(η - c[k - 1]!)));
      }
    }
    expect(run({ source, data: json({ data }), params }).value.loglikelihood).toBeCloseTo(expected, 12);
    expectGradient(source, JSON.stringify({ data }));
    // Into data: the model writes into its own copy, so every evaluation starts from the data as given.
    const copy = '@model function m(v)\n    a ~ Normal()\n    v[1][2] += a\n    w := sum(v[1])\n    v[2] ~ MvNormal(zeros(2), I)\nend\n';
    for (const a of [1, 5]) expect(run({ source: copy, data: json({ v: [[1, 2], [0.5, -0.5]] }), params: { a } }).value.generated['w']).toBe(3 + a);
  });
});
