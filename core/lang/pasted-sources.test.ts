import { describe, expect, it } from 'vitest';
import { checkModel, compile } from './index.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';
import { lgamma } from '../math/index.js';

/**
 * Turing models pasted from sources beside Turing's own pages: package documentation (Pathfinder, ArviZ,
 * SequentialSamplingModels), book ports (Bayesian Methods for Hackers, Kruschke, Statistical Rethinking's Pluto
 * notebooks), course notebooks and research replications, with what each carries around its model.
 */
describe('models pasted from package docs, book ports and replications', () => {
  it("ArgCheck's `@argcheck cond` checks as `@assert` does, throwing ArgumentError (the Imperial College COVID model's replication)", () => {
    const source = 'using Turing\nusing ArgCheck\n@model function m(x, n)\n    @argcheck length(x) == n\n    μ ~ Normal()\n    x ~ MvNormal(fill(μ, n), I)\nend\n';
    const passes = run({ source, data: json({ x: [0.5, 1.5], n: 2 }), params: { μ: 1 } });
    expect(passes.value.loglikelihood).toBeCloseTo(normalLogpdf(0.5, 1, 1) + normalLogpdf(1.5, 1, 1), 12);
    expect(passes.warnings.map((w) => w.message)).toContain('`using ArgCheck` is ignored: `@argcheck` is read as `@assert`');
    const fails = checkModel({ source, data: json({ x: [0.5, 1.5], n: 3 }), params: { μ: 1 } });
    expect(fails.ok ? [] : fails.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['ArgumentError: length(x) == n']);
  });
  it("NamedTupleTools' `@namedtuple(a, b)` is `(; a, b)`, as a review-score model returns its quantities; MonteCarloMeasurements is chain tooling", () => {
    const source = [
      'using Turing, Turing2MonteCarloMeasurements, NamedTupleTools',
      'cumcut(diffcp) = ((cumsum(diffcp) + reverse(1 .- cumsum(reverse(diffcp)))) ./ 2) * 12 .- 6',
      'Turing.@model cum_model(Rv, ::Type{T}=Float64) where {T} = begin',
      '    score ~ Normal(0, 1)',
      '    diffcp ~ Dirichlet(3, 50)',
      '    cutpoints = cumcut(diffcp)',
      '    for i in eachindex(Rv)',
      '        Rv[i] ~ OrderedLogistic(score, cutpoints)',
      '    end',
      '    @namedtuple(score, cutpoints)',
      'end',
    ].join('\n');
    const diffcp = [0.2, 0.3, 0.5];
    const outcome = run({ source, data: json({ Rv: [1, 3] }), params: { score: 0.4, diffcp } });
    const cum = [0.2, 0.5, 1];
    const rev = [1 - 1, 1 - 0.8, 1 - 0.5];
    const cutpoints = cum.map((c, k) => ((c + rev[k]!) / 2) * 12 - 6);
    expect(Object.values(outcome.value.generated)).toEqual([0.4, ...cutpoints]);
    expect(outcome.warnings.filter((w) => w.severity === 'warning').map((w) => w.message)).toEqual([
      '`using Turing2MonteCarloMeasurements` is ignored: the workbench summarises the chains',
      "`using NamedTupleTools` is ignored: `@namedtuple(a, b)` is read as Julia's own `(; a, b)`",
    ]);
    // OrderedLogistic(η, c): P(1) = 1 − logistic(η − c₁), P(3) = logistic(η − c₂) − logistic(η − c₃).
    const logistic = (x: number) => 1 / (1 + Math.exp(-x));
    const expected = Math.log(1 - logistic(0.4 - cutpoints[0]!)) + Math.log(logistic(0.4 - cutpoints[1]!) - logistic(0.4 - cutpoints[2]!));
    expect(outcome.value.loglikelihood).toBeCloseTo(expected, 10);
  });
  it("sampler packages' docs (SliceSampling, MicroCanonicalHMC, AutomaticMALA, Pathfinder) load their package beside Turing: ignored, the model runs", () => {
    const source = 'using Distributions, Turing, SliceSampling, MicroCanonicalHMC, AutomaticMALA, Pathfinder\n@model function demo()\n    s ~ InverseGamma(3, 3)\n    m ~ Normal(0, sqrt(s))\n    1.5 ~ Normal(m, sqrt(s))\nend\nmodel = demo()\n';
    const outcome = run({ source, params: { s: 2, m: 0.5 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(1.5, 0.5, Math.sqrt(2)), 12);
    expect(outcome.warnings.filter((w) => w.severity === 'warning').map((w) => w.message.split(':')[0])).toEqual(
      ['SliceSampling', 'MicroCanonicalHMC', 'AutomaticMALA', 'Pathfinder'].map((name) => `\`using ${name}\` is ignored`),
    );
  });
  it("a food-web paper's flexible-links model runs with its progress bars' package loaded (ProgressMeter ignored), its data read by `DataFrame(CSV.File(…))`", () => {
    const source = [
      'using CSV, DataFrames, Turing, ProgressMeter',
      'mangal_foodwebs = DataFrame(CSV.File(joinpath("data", "mangal_foodwebs.csv")))',
      '@model FL(S,R) = begin',
      '  N = length(S)',
      '  F = S.*S .- (S.-1)',
      '  ϕ ~ Normal(3.0, 0.5)',
      '  μ ~ Beta(3.0, 7.0)',
      '  for i in 1:N',
      '    R[i] ~ BetaBinomial(F[i], μ*exp(ϕ), (1-μ)*exp(ϕ))',
      '  end',
      '  return μ, ϕ',
      'end',
      'S = vec(mangal_foodwebs[:,:S])',
      'L = vec(mangal_foodwebs[:,:L])',
      'R = L .- (S.-1)',
      'chain = sample(FL(S,R), HMC(0.01,10), 3000)',
      '',
    ].join('\n');
    const outcome = run({ source, data: { text: 'S,L\n3,4\n4,6\n', format: 'csv' }, params: { ϕ: 3, μ: 0.1 } });
    expect(outcome.warnings.find((w) => w.message.startsWith('`using ProgressMeter`'))?.message).toBe('`using ProgressMeter` is ignored: the workbench shows the progress of a run');
    // R = L − (S − 1) = [2, 3] realised of F = S² − (S − 1) = [7, 13] flexible links; BetaBinomial(n, α, β) by its pmf.
    const lbeta = (a: number, b: number) => lgamma(a) + lgamma(b) - lgamma(a + b);
    const [α, β] = [0.1 * Math.exp(3), 0.9 * Math.exp(3)];
    const pmf = (k: number, n: number) => lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + lbeta(k + α, n - k + β) - lbeta(α, β);
    expect(outcome.value.loglikelihood).toBeCloseTo(pmf(2, 7) + pmf(3, 13), 10);
  });
  it("ArviZ's quickstart runs pasted whole: its CmdStan and Soss packages are ignored, and its `Soss.@model` line is another language's model, not run", () => {
    const source = [
      'begin',
      '    using ArviZ, CmdStan, Distributions, LinearAlgebra, PyPlot, Random, Soss, Turing',
      '    using Soss.MeasureTheory: HalfCauchy',
      'end',
      'y = [28.0, 8.0, -3.0]',
      'σ = [15.0, 10.0, 16.0]',
      'Turing.@model function model_turing(y, σ, J=length(y))',
      '    μ ~ Normal(0, 5)',
      '    τ ~ truncated(Cauchy(0, 5), 0, Inf)',
      '    θ ~ filldist(Normal(μ, τ), J)',
      '    for i in 1:J',
      '        y[i] ~ Normal(θ[i], σ[i])',
      '    end',
      'end',
      'rng2 = Random.MersenneTwister(16653);',
      'turing_chns = Turing.sample(rng2, model_turing(y, σ), NUTS(1000, 0.8), MCMCThreads(), 1000, 4)',
      'model_soss = Soss.@model (J, σ) begin',
      '    μ ~ Soss.Normal(; μ=0, σ=5)',
      '    τ ~ HalfCauchy(; σ=5)',
      '    θ ~ Soss.Normal(; μ=μ, σ=τ) |> iid(J)',
      '    y ~ For(1:J) do j',
      '        Soss.Normal(; μ=θ[j], σ=σ[j])',
      '    end',
      'end;',
      '',
    ].join('\n');
    const θ = [10, 5, 0];
    const outcome = run({ source, params: { μ: 4, τ: 3, θ } });
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(28, 10, 15) + normalLogpdf(8, 5, 10) + normalLogpdf(-3, 0, 16), 12);
    const warnings = outcome.warnings.filter((w) => w.severity === 'warning').map((w) => [w.line, w.message]);
    expect(warnings).toContainEqual([17, "`Soss.@model` defines a model of Soss, another probabilistic language: Tilde reads Turing's `@model`, and does not run this line"]);
    expect(warnings).toContainEqual([2, "`using CmdStan` is ignored: another probabilistic language's package: only the file's Turing models run here"]);
  });
  it("SliceSampling's Gibbs example runs as written but for its external sampler's block, sampled with NUTS and said so", () => {
    const source = [
      'using Distributions, Turing, SliceSampling',
      '@model function simple_choice(xs)',
      '    p ~ Beta(2, 2)',
      '    z ~ Bernoulli(p)',
      '    for i in 1:length(xs)',
      '        if z == 1',
      '            xs[i] ~ Normal(0, 1)',
      '        else',
      '            xs[i] ~ Normal(2, 1)',
      '        end',
      '    end',
      'end',
      'sampler = Turing.Gibbs(',
      '    :p => externalsampler(SliceSteppingOut(2.0)),',
      '    :z => PG(20),',
      ')',
      'model = simple_choice([1.5, 2.0, 0.3])',
      'sample(model, sampler, 1000)',
      '',
    ].join('\n');
    const compiled = compile(source);
    expect(compiled.scriptRuns.get('simple_choice')?.sampler).toMatchObject({ sampler: 'gibbs', blocks: [{ variables: ['p'], sampler: 'nuts' }, { variables: ['z'], sampler: 'pg', particles: 20 }] });
    expect(compiled.diagnostics.find((d) => d.line === 18)?.message).toContain('`externalsampler(SliceSteppingOut(2.0))` is an external sampler, which Tilde does not have: its block (`p`) is sampled with NUTS');
  });
  it("a PBPK module's population model declares `times::Vector{Vector{Float64}}`: nested JSON rows of equal lengths are those vectors, not a matrix it refused", () => {
    const source = [
      'using Turing, DifferentialEquations',
      'function one_compartment_ode!(du, u, p, t)',
      '    CL, V = p',
      '    du[1] = -(CL / V) * u[1]',
      '    return nothing',
      'end',
      '@model function bayesian_population_pk(',
      '    obs_conc::Vector{Vector{Float64}},',
      '    times::Vector{Vector{Float64}},',
      '    doses::Vector{Float64}',
      ')',
      '    θ_CL ~ LogNormal(log(10.0), 0.5)',
      '    θ_V ~ LogNormal(log(50.0), 0.5)',
      '    σ ~ truncated(Cauchy(0.0, 0.5), 0.0, Inf)',
      '    for i in 1:length(obs_conc)',
      '        prob = ODEProblem(one_compartment_ode!, [doses[i] / θ_V], (0.0, maximum(times[i]) + 1.0), [θ_CL, θ_V])',
      '        sol = solve(prob, Tsit5(); saveat=times[i], abstol=1e-10, reltol=1e-10)',
      '        for (j, t) in enumerate(times[i])',
      '            obs_conc[i][j] ~ LogNormal(log(max(sol(t)[1], 1e-10)), σ)',
      '        end',
      '    end',
      'end',
    ].join('\n');
    const data = { obs_conc: [[2.0, 1.6, 1.0], [3.1, 2.2, 1.5]], times: [[0.5, 1.5, 4.0], [0.5, 2.0, 4.0]], doses: [100, 150] };
    const outcome = run({ source, data: json(data), params: { θ_CL: 10, θ_V: 50, σ: 0.2 } });
    // C(t) = dose/V · exp(−CL/V · t), observed log-normally about it.
    const logNormal = (x: number, mu: number, s: number) => normalLogpdf(Math.log(x), mu, s) - Math.log(x);
    const expected = data.obs_conc.reduce((a, row, i) => a + row.reduce((b, c, j) => b + logNormal(c, Math.log((data.doses[i]! / 50) * Math.exp(-0.2 * data.times[i]![j]!)), 0.2), 0), 0);
    expect(outcome.value.loglikelihood).toBeCloseTo(expected, 6);
  });
  it('nested JSON rows a model passes whole to `sum` or `maximum`, `sum(times[i])`, are its rows, where one element of a matrix was read without a word', () => {
    const source = '@model function m(y, times)\n    μ ~ Normal()\n    for i in 1:2\n        y[i] ~ Normal(μ * sum(times[i]) - maximum(times[i]), 1)\n    end\nend\n';
    const outcome = run({ source, data: json({ y: [3, 7], times: [[1, 2], [3, 4]] }), params: { μ: 1 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(3, 3 - 2, 1) + normalLogpdf(7, 7 - 4, 1), 12);
  });
  it("a PBPK package's file pasted whole, `module TuringPBPK … end` with its `export` lines: the definitions inside are the file's own", () => {
    const source = [
      'module TuringPBPK',
      'using Turing',
      'export Chain, MCMCChains',
      'half(x) = x / 2',
      '@model function pk(c)',
      '    k ~ LogNormal(0, 1)',
      '    c ~ Normal(half(k), 1)',
      'end',
      'export pk',
      'module Inner',
      'twice(x) = 2x',
      'end',
      'end # module',
      '',
    ].join('\n');
    const outcome = run({ source, data: json({ c: 0.3 }), params: { k: 2 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0.3, 1, 1), 12);
    expect(outcome.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
  });
  it("calling a model object, `ret = model()` as Turing's docs and an SIR script check their model, says what Tilde has instead, where it said the model was not a function", () => {
    const source = '@model function demo(x)\n    s ~ InverseGamma(2, 3)\n    x ~ Normal(0, sqrt(s))\n    return s\nend\nmodel = demo(1.0)\nret = model()\n';
    const outcome = run({ source, params: { s: 1 } });
    expect(outcome.warnings.find((w) => w.line === 7)?.message).toBe(
      "top-level `ret = …` is ignored: calling a model object (`model()`, here `demo`'s) runs it once from its prior for its return value in Turing, which a script's lines do not here: each draw's return value is among the run's generated quantities (`return`), and `rand(model)` draws the model's variables",
    );
  });
});
