import { describe, expect, it } from 'vitest';
import { PriorContext } from '../model/index.js';
import { Rng } from '../rng/index.js';
import { checkModel, compile, prepare } from './index.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';
import { TURING_MODELS } from './turing-models.js';

/** Turing's "Getting started" example, pasted whole with the line that samples it. */
const GETTING_STARTED = TURING_MODELS.gettingStarted!;

const params = { 's²': 1.5, m: 0.4 };

/** Pathfinder's docs' regression model and its x, as its scripts begin. */
const PATHFINDER_REGRESSION = [
  '@model function regress(x)',
  '    α ~ Normal()',
  '    σ ~ truncated(Normal(); lower=0)',
  '    y ~ product_distribution(Normal.(α .+ x, σ))',
  'end',
  'x = 0:0.5:2',
];

describe("the script's own call of the model supplies the data it leaves out", () => {
  it('runs the Getting Started script as pasted, with the data of `sample(gdemo(1.5, 2), …)`', () => {
    const pasted = run({ source: GETTING_STARTED, params });
    const explicit = run({ source: GETTING_STARTED, data: json({ x: 1.5, y: 2 }), params });
    expect(pasted.value.loglikelihood).toBe(explicit.value.loglikelihood);
    const info = pasted.warnings.find((w) => w.severity === 'info' && w.column === 14);
    expect(info).toMatchObject({ line: 11, message: 'this call gives `gdemo` its data for `x`, `y`, where the data you give leaves them out' });
  });

  it('lets the data the user gives win, argument by argument', () => {
    const mixed = run({ source: GETTING_STARTED, data: json({ y: 3 }), params });
    const explicit = run({ source: GETTING_STARTED, data: json({ x: 1.5, y: 3 }), params });
    expect(mixed.value.loglikelihood).toBe(explicit.value.loglikelihood);
  });

  it("takes the data of the object the `sample` line fits, not of an earlier call (the time-series tutorial's prior draws on unscaled times)", () => {
    const source = [
      '@model function decomp(t)',
      '    β ~ Normal(0, 1)',
      '    y ~ MvNormal(β .* t, I)',
      'end',
      't = [10.0, 20.0, 30.0]',
      'x = t ./ 30',
      'yf = [0.5, 1.0, 1.5]',
      'prior = mapreduce(hcat, 1:10) do _',
      '    rand(decomp(t)).y',
      'end',
      'chain = sample(decomp(x) | (; y=yf), NUTS(), 2000)',
      '',
    ].join('\n');
    const pasted = run({ source, params: { β: 0.8 } });
    const explicit = run({ source, data: json({ t: [1 / 3, 2 / 3, 1], y: [0.5, 1, 1.5] }), params: { β: 0.8 } });
    expect(pasted.value.loglikelihood).toBeCloseTo(explicit.value.loglikelihood, 14);
    expect(pasted.warnings.find((w) => w.severity === 'info' && w.message.startsWith('this call gives'))).toMatchObject({ line: 11, column: 16 });
  });

  it("never takes another call's data when the sampled object cannot be made (`rand(regress(x) | true_params)` beside `regress(x) | (; y)` with `y` from a file)", () => {
    const source = [
      ...PATHFINDER_REGRESSION,
      'true_params = (; α=1.5, σ=2)',
      'prior_check = rand(regress(x) | true_params)',
      'y = CSV.read("y.csv", DataFrame).y',
      'model = regress(x) | (; y)',
      'chns = sample(model, NUTS(), 1_000)',
      '',
    ].join('\n');
    // The prior check's α and σ were taken as data, and y sampled as the parameter.
    const [model] = compile(source).models;
    expect(model?.scriptArguments === undefined ? [] : [...model.scriptArguments.keys()]).toEqual(['x']);
    const refused = checkModel({ source });
    expect(refused.ok ? [] : refused.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.message])).toEqual([
      [10, 'the file samples `regress(x) | (; y)`, which observes `y`, but `y` cannot be computed before the model: give `y` in the data (left out, it would be sampled as a parameter)'],
    ]);
    const y = [1, 2, 3, 4, 5];
    const given = run({ source, data: json({ y }), params: { α: 0.5, σ: 1.5 } });
    expect(given.value.loglikelihood).toBeCloseTo(y.reduce((a, yi, i) => a + normalLogpdf(yi, 0.5 + 0.5 * i, 1.5), 0), 12);
  });

  it('takes top-level constants and keyword arguments, from `model = m(…)` as well', () => {
    const source = `data = [1, 0, 1, 1]\n@model function coinflip(y; N = length(y))\n    p ~ Beta(1, 1)\n    for i in 1:N\n        y[i] ~ Bernoulli(p)\n    end\nend\nmodel = coinflip(data; N = 3)\nchain = sample(model, NUTS(), 1000)\n`;
    const outcome = run({ source, params: { p: 0.25 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(2 * Math.log(0.25) + Math.log(0.75), 12);
    const [model] = compile(source).models;
    expect(model?.params.map((p) => [p.name, p.fromScript ?? false])).toEqual([
      ['y', true],
      ['N', true],
    ]);
  });

  it('skips a call whose arguments cannot be known before the model runs, says why on its line, and then the data is missing', () => {
    const source = GETTING_STARTED.replace('gdemo(1.5, 2)', 'gdemo(df.x, df.y)');
    const outcome = checkModel({ source });
    if (outcome.ok) throw new Error('the data should be missing');
    expect(outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      "no data for the model argument `x`, and it has no default value: the file's call of the model passes it `df.x`, which cannot be computed before the model; give `x` in the data (the data binds to the model's argument names, not to the names in that call)",
    ]);
    expect(outcome.diagnostics.find((d) => d.severity === 'info' && d.line === 11 && d.column === 14)).toMatchObject({ message: 'this call gives `gdemo` no data, since it cannot run before the model: `df` is not defined — did you mean `pdf`?' });
  });

  it("lets the file's top-level constants shadow built-ins of the same name, as a Julia script's `I = 3` does", () => {
    const source = 'I = 3\nbeta = 2.0\ny = fill(1.0, I)\n@model function m(y)\n    μ ~ Normal(0, beta)\n    y ~ MvNormal(fill(μ, I), 1.0 * LinearAlgebra.I)\nend\nmodel = m(y)\n';
    const outcome = run({ source, params: { μ: 0.5 } });
    expect(outcome.value.logprior).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) - Math.log(2) - 0.5 * 0.25 ** 2, 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(3 * (-0.5 * Math.log(2 * Math.PI) - 0.5 * 0.25), 12);
  });

  it('a chained `a = b = c` at the top level makes both constants, as in Julia, in the order the line runs', () => {
    const source = 'σ0 = τ0 = 2.0\nc = (d = [1.0])\npush!(d, 3.0)\n@model function m(y)\n    b ~ Normal(0, σ0 * τ0)\n    y ~ Normal(b + d[2] + c[2], 1)\nend\n';
    const outcome = run({ source, data: json({ y: 1 }), params: { b: 0.5 } });
    expect(outcome.value.logprior).toBeCloseTo(normalLogpdf(0.5, 0, 4), 12);
    // `c` and `d` are one array, as Julia's `c = d = [1.0]` makes them.
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(1, 6.5, 1), 12);
  });

  it('an assignment inside a top-level value makes a constant too, as in Julia: `x = (y = 2) + 1`, a `begin` block; not a `let`', () => {
    const source = 'x = (y = 2) + 1\nw = begin\n    z = 5\n    z * 2\nend\nv = let u = 1\n    u + 1\nend\n@model function m(o)\n    b ~ Normal(y, x)\n    o ~ Normal(b + z + w, 1)\nend\n';
    const outcome = run({ source, data: json({ o: 1 }), params: { b: 0.5 } });
    expect(outcome.value.logprior).toBeCloseTo(normalLogpdf(0.5, 2, 3), 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(1, 15.5, 1), 12);
    const local = checkModel({ source: source.replace('b + z + w', 'b + u'), data: json({ o: 1 }) });
    expect(local.ok ? [] : local.diagnostics.map((d) => d.message)).toEqual(['`u` is not defined']);
  });

  it('reads `const name = …` as the constant it assigns, in a `begin` block too (was skipped as a statement not run)', () => {
    const source = 'const prior_stds = [10.0, 3.0]\nbegin\n    const K = 2\nend\n@model function m(y)\n    b ~ Normal(0, prior_stds[1])\n    y ~ Normal(b, prior_stds[K])\nend\n';
    const outcome = run({ source, data: json({ y: 1 }), params: { b: 0.5 } });
    expect(outcome.value.logprior).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) - Math.log(10) - 0.5 * 0.05 ** 2, 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) - Math.log(3) - 0.5 * (0.5 / 3) ** 2, 12);
    expect(outcome.warnings).toEqual([]);
  });

  it("a helper Tilde cannot read is one warning when no model uses it (a benchmark's JSON reader), its errors when one does", () => {
    const model = (body: string) => `@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(${body}, 1)\nend\n`;
    const reader = 'function skip!(s, pos)\n    s[pos[]] == 1 && (pos[] >>= 1)\n    return pos\nend\n';
    const unused = compile(`${reader}${model('μ')}\nskip!([1], [1])\n`);
    expect(unused.diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', 1, '`skip!` is not used by a model, and Tilde cannot read all of it (line 2: bit shifts are not supported): a top-level line that calls it is ignored'],
      ['warning', 10, 'top-level `skip!([1], [1])` is ignored: `skip!` could not be read (line 2: bit shifts are not supported)'],
    ]);
    expect(run({ source: `${reader}${model('μ')}`, data: json({ y: 0.5 }), params: { μ: 0.1 } }).value.loglikelihood).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) - 0.08, 12);
    const used = compile(`${reader}${model('μ + skip!([1], [1])[1]')}`);
    expect(used.diagnostics.map((d) => [d.severity, d.line, d.column, d.message])).toEqual([['error', 2, 29, 'bit shifts are not supported']]);
    const constant = compile(`${reader}${model('μ')}\nn = skip!([1], [1])[1]\n`);
    expect(constant.diagnostics.find((d) => d.line === 10)?.message).toBe('top-level `n = …` is ignored: `skip!` could not be read (line 2: bit shifts are not supported)');
  });

  it('a file of several models means the one its script samples when none is named (an AutoGibbs test file), else its last', () => {
    const two = '@model function a(x)\n    m ~ Normal()\n    x ~ Normal(m, 1)\nend\n@model function b(y)\n    s ~ Exponential()\n    y ~ Normal(0, s)\nend\n';
    const named = (source: string) => {
      const outcome = prepare({ source });
      return outcome.ok ? outcome.value.model.name : outcome.diagnostics.map((d) => d.message);
    };
    expect(named(`${two}chain = sample(a([0.5]), NUTS(), 100)\n`)).toBe('a');
    expect(named(`${two}sample(b([1.0]), NUTS(), 100)\nsample(a([0.5]), NUTS(), 100)\n`)).toBe('a');
    expect(named(`${two}sample(a([0.5]), NUTS(), 100)\nsample(b([1.0]), NUTS(), 100)\n`)).toBe('b');
    expect(named(`${two}x = [0.5]\ny = [1.0]\n`)).toBe('b');
  });

  it("takes the arguments of a script's call that can be known when others cannot (a GP's hyperparameters beside data read from a file)", () => {
    const source = '@model function gp(y, m_rho=0.0, s_rho=1.0)\n    rho ~ LogNormal(m_rho, s_rho)\n    y ~ Normal(0, rho)\nend\nm = gp(df.y, -2.0, 0.1)\n';
    const outcome = run({ source, data: json({ y: 0.5 }), params: { rho: 0.3 } });
    const logNormal = (x: number, m: number, s: number) => normalLogpdf(Math.log(x), m, s) - Math.log(x);
    expect(outcome.value.logprior).toBeCloseTo(logNormal(0.3, -2, 0.1), 12);
    expect(outcome.warnings.find((d) => d.line === 5)?.message).toBe(
      'this call gives `gp` only its data for `m_rho`, `s_rho`, where the data you give leaves them out: the rest cannot run before the model: `df` is not defined — did you mean `pdf`?',
    );
  });

  it("conditions the script's model object as its sample line does: `model = m(N)`, then `sample(model | (; y), NUTS(), 1000)`", () => {
    const source = 'y = [0.5, -1.0, 2.0]\n@model function m(T)\n    μ ~ Normal()\n    y ~ MvNormal(fill(μ, T), I)\nend\nmodel = m(length(y))\nchain = sample(model | (; y), NUTS(), 1000)\n';
    const outcome = run({ source, params: { μ: 0.3 } });
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['μ']);
    expect(outcome.value.loglikelihood).toBeCloseTo([0.5, -1, 2].reduce((a, x) => a + normalLogpdf(x, 0.3, 1), 0), 12);
  });

  it('runs the top-level loops and in-place writes that make the data, in order, as a script pasted into the REPL does', () => {
    const made = 'T = 6\ny = zeros(T)\nfor t in 2:T\n    y[t] = 0.5 * y[t-1] + t\nend\ny[1] = -1\ns = 0.0\nfor v in y\n    s += v\nend\nw = Float64[]\npush!(w, s)\nn = 1\nn += 1\n';
    const model = '@model function ar(y, w, n)\n    ϕ ~ Normal()\n    for t in 2:length(y)\n        y[t] ~ Normal(ϕ * y[t-1], n)\n    end\n    w ~ MvNormal(fill(ϕ, 1), I)\nend\nmodel = ar(y, w, n)\n';
    const y = [-1, 2, 4, 6, 8, 10];
    const explicit = run({ source: model, data: json({ y, w: [y.reduce((a, b) => a + b)], n: 2 }), params: { ϕ: 0.3 } });
    const pasted = run({ source: made + model, params: { ϕ: 0.3 } });
    expect(pasted.value.loglikelihood).toBe(explicit.value.loglikelihood);
    expect(pasted.warnings.filter((w) => w.severity === 'warning')).toEqual([]);
  });

  it('says which top-level loop it could not run, and that it draws with Tilde’s generator where it does', () => {
    const source = 'using Random\nRandom.seed!(4)\ny = zeros(3)\nfor t in 2:3\n    y[t] = y[t-1] + randn()\nend\nfor i in 1:2\n    plot(i)\nend\n@model function m(y)\n    μ ~ Normal()\n    y ~ MvNormal(fill(μ, 3), I)\nend\nmodel = m(y)\n';
    const outcome = run({ source, params: { μ: 0 } });
    expect(outcome.warnings.filter((w) => w.line === 4 || w.line === 7).map((w) => [w.line, w.severity, w.message.replace(/ — did you mean .*$/, '')])).toEqual([
      [4, 'info', "this `for` loop draws with Tilde's random generator (seed 4), not Julia's: the same distribution, other numbers than in Julia"],
      [7, 'warning', 'top-level `for` loop is ignored: unknown function `plot`'],
    ]);
    // The loop's draws reached the data: y is no longer all zeros.
    expect(outcome.value.loglikelihood).not.toBeCloseTo(3 * -0.5 * Math.log(2 * Math.PI), 6);
  });

  it('a loop that assigns a constant with `global`, as a Julia file must, changes it for the model and the file\'s functions', () => {
    const source = 'n = 1\nglobal m = 0\nf(x) = x + n\nfor i in 1:3\n    global n += 1\n    global m\n    m = m + i\nend\n@model function g(y)\n    y ~ Normal(f(0) + m, 1)\nend\nmodel = g(4.0)\n';
    const outcome = run({ source });
    expect(outcome.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
    // n = 4 and m = 6: y = 4 is observed from Normal(10, 1).
    expect(outcome.value.loglikelihood).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) - 18, 12);
  });

  it('a loop with a line Tilde cannot read is not run in part: it is not run, and said so', () => {
    const source = 'y = zeros(3)\nfor t in 2:3\n    try\n        y[t] = y[t-1] + 1\n    catch\n    end\nend\n@model function m(y)\n    μ ~ Normal()\n    y ~ MvNormal(fill(μ, 3), I)\nend\nmodel = m(y)\n';
    const outcome = run({ source, params: { μ: 0 } });
    expect(outcome.warnings.filter((w) => w.severity === 'warning').map((w) => [w.line, w.message])).toEqual([[2, expect.stringMatching(/^this top-level statement is not run: `try`\/`catch` is not supported/)]]);
  });

  it('says which file to load where the script reads its data table and none is loaded', () => {
    const source = 'using CSV, DataFrames\ndf = CSV.read("y.csv", DataFrame)\n@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(μ, 1)\nend\nmodel = m(df.y)\n';
    const outcome = checkModel({ source });
    if (outcome.ok) throw new Error('the data should be missing');
    expect(outcome.diagnostics.find((d) => d.line === 2)).toMatchObject({ severity: 'warning', message: 'top-level `df = …` is ignored: the script reads its data table here, and no table is loaded: load y.csv in the data panel (or pass it with --data y.csv)' });
    expect(outcome.diagnostics.find((d) => d.line === 7)?.message).toMatch(/^this call gives `m` no data, since it cannot run before the model: `df` is defined at the top of the file, but its line could not run/);
  });

  it("says which of the model's arguments a data frame column the script passes belongs to (TuringModels.jl's `model_fn(df.log_gdp, df.rugged)`)", () => {
    const source = 'df = CSV.read(joinpath(@__DIR__, "rugged.csv"), DataFrame)\ndropmissing!(df)\n@model function m(y, x₁)\n    β ~ Normal()\n    y ~ MvNormal(β * x₁, I)\nend\nmodel = m(df.log_gdp, df[!, :rugged])\n';
    const outcome = checkModel({ source, data: json({ y: [1.0, 2.0], rugged: [0.5, 1.5] }) });
    if (outcome.ok) throw new Error('`x₁` has no data');
    const said = outcome.diagnostics.map((d) => [d.line, d.column, d.severity, d.message]);
    expect(said).toContainEqual([2, 1, 'warning', "top-level `dropmissing!(df)` is ignored: `df` is defined at the top of the file, but its line could not run before the model: the script reads its data table here, and no table is loaded: load rugged.csv in the data panel (or pass it with --data rugged.csv)"]);
    expect(said).toContainEqual([3, 22, 'warning', "the data has `rugged`, which is not an argument of `m`; it is ignored: the file's call of the model passes `df[!, :rugged]` as `x₁`, so name it `x₁` in the data"]);
    expect(said).toContainEqual([3, 22, 'error', "no data for the model argument `x₁`, and it has no default value: the file's call of the model passes it `df[!, :rugged]`, which cannot be computed before the model; give `x₁` in the data (the data binds to the model's argument names, not to the names in that call)"]);
    expect(checkModel({ source, data: json({ y: [1.0, 2.0], 'x₁': [0.5, 1.5] }) }).ok).toBe(true);
  });

  it("says which argument data named as the script's own variable belongs to (a first-goal model's `first_goal_model(h_id, a_id, y, n_teams)`)", () => {
    const source = '@model function first_goal_model(home_id, y)\n    att ~ filldist(Normal(0, 1), 2)\n    for i in eachindex(y)\n        y[i] ~ BernoulliLogit(att[home_id[i]])\n    end\nend\nmodel = first_goal_model(h_id, y)\n';
    const outcome = checkModel({ source, data: json({ h_id: [1, 2], y: [1, 0] }) });
    if (outcome.ok) throw new Error('`home_id` has no data');
    const said = outcome.diagnostics.map((d) => [d.line, d.severity, d.message]);
    expect(said).toContainEqual([1, 'warning', "the data has `h_id`, which is not an argument of `first_goal_model`; it is ignored: the file's call of the model passes `h_id` as `home_id`, so name it `home_id` in the data"]);
  });

  it("says why a script's writes into its data frame are ignored: the frame's own line failed", () => {
    const source = 'd = CSV.read("Kline.csv", DataFrame)\nd[!, :society] = 1:10\nd.log_pop = log.(d.population)\n@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(μ, 1)\nend\n';
    const outcome = checkModel({ source, data: json({ y: 1.0 }) });
    if (!outcome.ok) throw new Error(`the model has its data: ${outcome.diagnostics[0]?.message}`);
    expect(outcome.warnings.filter((d) => d.severity === 'warning').map((d) => [d.line, d.message])).toEqual([
      [1, 'top-level `d = …` is ignored: the script reads its data table here, and no table is loaded: load Kline.csv in the data panel (or pass it with --data Kline.csv)'],
      [2, 'top-level `d[!, :society] = 1:10` is ignored: `d` is defined at the top of the file, but its line could not run before the model: the script reads its data table here, and no table is loaded: load Kline.csv in the data panel (or pass it with --data Kline.csv)'],
      [3, 'top-level `d.log_pop = log.(d.population)` is ignored: `d` is defined at the top of the file, but its line could not run before the model: the script reads its data table here, and no table is loaded: load Kline.csv in the data panel (or pass it with --data Kline.csv)'],
    ]);
  });

  it('ignores the packages TuringModels.jl scripts load their data with (TuringModels, RData), with a word on where data comes from', () => {
    const source = 'using TuringModels\nusing RData\nusing Turing\n@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(μ, 1)\nend\n';
    const outcome = checkModel({ source, data: json({ y: 1.0 }) });
    if (!outcome.ok) throw new Error(`the packages should not stop the model: ${outcome.diagnostics[0]?.message}`);
    expect(outcome.warnings.map((d) => [d.line, d.message])).toEqual([
      [1, '`using TuringModels` is ignored: data comes from the data panel or --data'],
      [2, '`using RData` is ignored: data comes from the data panel or --data'],
    ]);
  });

  it("reads old TuringModels.jl scripts' `@everywhere @model` and `@time chn = sample(…)` as the lines they wrap, and says where Tilde sets what `setadbackend` and `Distributed` set", () => {
    const source = 'using Distributed\nusing Turing\nTuring.setadbackend(:reverse_diff)\nTuring.setrdcache(true)\ny = [1.0, 2.0]\n@everywhere @model m(y) = begin\n    μ ~ Normal()\n    y .~ Normal(μ, 1)\nend\n@time chn = sample(m(y), NUTS(0.9), 500)\n';
    const compiled = compile(source);
    expect(compiled.models.map((m) => m.name)).toEqual(['m']);
    expect(compiled.scriptRuns.get('m')?.draws).toBe(500);
    const outcome = checkModel({ source });
    if (!outcome.ok) throw new Error(`the script should check: ${outcome.diagnostics[0]?.message}`);
    expect(outcome.warnings.filter((d) => d.severity === 'warning').map((d) => [d.line, d.message])).toEqual([
      [1, '`using Distributed` is ignored: chains run in parallel without worker processes; a line that sets them up (`addprocs`, `pmap`) is not run'],
      [3, '`setadbackend` is not run in Tilde: the AD backend is chosen in the workbench or with --ad (Turing itself now takes it as the sampler’s `adtype`)'],
      [4, '`setrdcache` is not run in Tilde: the AD backend is chosen in the workbench or with --ad, and `--ad reversediff:compile` keeps the compiled tape'],
    ]);
  });

  it('an `include` line says that Tilde reads the pasted file alone, rather than that top-level statements are not run', () => {
    // hakank's Turing models open with `include("jl_utils.jl")`; TuringLang/papers' with their data.jl.
    const source = 'using Turing\ninclude("jl_utils.jl")\n@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(μ, 1)\nend\n';
    const said = checkModel({ source, data: json({ y: 1.0 }) });
    if (!said.ok) throw new Error('the model has its data');
    expect(said.warnings.filter((d) => d.severity === 'warning').map((d) => [d.line, d.message])).toEqual([
      [2, '`include` is not run in Tilde: Tilde reads this file alone: paste here the definitions the script takes from the included file (its functions, its data), or give the data in the data panel or with --data'],
    ]);
  });

  it("keeps a line that finds its data file with `@__DIR__`, so that the names it defines say why they have no value", () => {
    const source = 'd = CSV.read(joinpath(@__DIR__, "..", "Kline.csv"), delim=\';\')\nn = size(d, 1)\npath = joinpath(@__DIR__, "Kline.csv")\ndir = @__DIR__\n@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(μ, 1)\nend\n';
    const said = checkModel({ source, data: json({ y: 1.0 }) });
    if (!said.ok) throw new Error('the model has its data');
    expect(said.warnings.filter((d) => d.severity === 'warning').map((d) => [d.line, d.message])).toEqual([
      [1, 'top-level `d = …` is ignored: the script reads its data table here, and no table is loaded: load Kline.csv in the data panel (or pass it with --data Kline.csv)'],
      [2, 'top-level `n = …` is ignored: `d` is defined at the top of the file, but its line could not run before the model: the script reads its data table here, and no table is loaded: load Kline.csv in the data panel (or pass it with --data Kline.csv)'],
      [3, 'top-level `path = …` is ignored: `joinpath` makes the path of a data file: Tilde reads no files: data comes from the data panel or --data'],
      [4, "top-level `dir = …` is ignored: `@__DIR__` is the script's own path, for reading files: Tilde reads no files: data comes from the data panel or --data"],
    ]);
  });

  it("a model reading a constant computed from a data file names the line that failed first and what to write instead (Statistical Rethinking's `x̄`)", () => {
    const source = 'df = CSV.read("Howell1.csv", DataFrame)\ndf = df[df.age .>= 18, :]\nx̄ = mean(df.weight)\n@model function m(w, h)\n    a ~ Normal(178, 20)\n    h ~ MvNormal(a .+ (w .- x̄), 5.0)\nend\n';
    const outcome = checkModel({ source, data: json({ w: [40.0, 50.0], h: [150.0, 160.0] }) });
    if (outcome.ok) throw new Error('`x̄` has no value');
    expect(outcome.diagnostics.find((d) => d.severity === 'error')).toMatchObject({
      line: 6,
      message:
        '`x̄` is defined at the top of the file, but it is computed from `df`, whose line could not run before the model: the script reads its data table here, and no table is loaded: load Howell1.csv in the data panel (or pass it with --data Howell1.csv) — write its value in the file, or make `x̄` an argument of the model and give it in the data',
    });
  });

  it("says what StatisticalRethinking's `quap` and `precis` lines are in Tilde, where `quap` read as a misspelt `map`", () => {
    const source = '@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(μ, 1)\nend\nq = quap(m(0.5), NelderMead())\nprecis(q)\n';
    const outcome = run({ source, params: { μ: 0 } });
    expect(outcome.warnings.filter((w) => w.severity === 'warning').map((w) => [w.line, w.message])).toEqual([
      [5, "top-level `q = …` is ignored: `quap` is not run in Tilde: StatisticalRethinking's quadratic approximation is the posterior mode with its standard errors: choose MAP or MLE as the sampler in the workbench, or run `tilde optimize --kind map|mle`: both give the mode with its standard errors"],
      [6, '`precis` is not run in Tilde: each run (`tilde sample`, the workbench) ends with the summary table: mean, sd, quantiles, ESS and R-hat of every variable'],
    ]);
  });

  it("says what Storopoli's QR trick and model-comparison lines are in Tilde: `qr` transforms data given outside, `namesingroup`/`setrange` work on exported draws, `loo` is `tilde loo`", () => {
    const source = '@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(μ, 1)\nend\nA = [1.0 2.0; 3.0 4.0; 5.0 7.0]\nQ, R = qr(A)\nbetas = mapslices(x -> R^-1 * x, chain_qr[:, namesingroup(chain_qr, :β), :].value.data; dims=[2])\n';
    const outcome = run({ source, data: json({ y: 0.5 }), params: { μ: 0 } });
    const warnings = outcome.warnings.filter((w) => w.severity === 'warning').map((w) => [w.line, w.message]);
    expect(warnings).toEqual([
      [6, "top-level `Q, R = …` is ignored: `qr` is LinearAlgebra's QR decomposition, which Tilde does not offer: the QR reparameterisation transforms the data, so compute Q* = Matrix(Q) * sqrt(n - 1) outside Tilde and give it in the data (β = R*⁻¹ β̃ afterwards, with R* = R / sqrt(n - 1))"],
      [7, expect.stringContaining('`namesingroup` is not run in Tilde: the workbench and `tilde sample` summarise the chains; to post-process draws (rescale, rename, combine), export them as CSV (`--out`)')],
    ]);
    const loo = run({ source: `${source}l = loo(model, chain)\n`, data: json({ y: 0.5 }), params: { μ: 0 } }).warnings.at(-1);
    // Tilde has PSIS-LOO since `tilde loo`: the line says where, not that model comparison is done elsewhere.
    expect([loo?.line, loo?.message]).toEqual([8, expect.stringContaining("`loo` is not run in Tilde: Tilde does PSIS-LOO as R's loo does, outside the script: `tilde loo MODEL")]);
  });

  it("says where the data stands for a name the script rewrites from itself before its call (Storopoli's `X = standardize(…, X; dims=1)`)", () => {
    const source = (transform: string) =>
      `df = CSV.read("roaches.csv", DataFrame)\nX = select(df, Not(:y)) |> Matrix\n${transform}\ny = df[:, :y]\n@model function m(X, y)\n    β ~ filldist(Normal(), size(X, 2))\n    y ~ MvNormal(X * β, I)\nend\nmodel = m(X, y)\n`;
    const data = json({ X: [[1.0, 2.0], [3.0, 5.0]], y: [0.5, 1.5] });
    const notes = (transform: string) => run({ source: source(transform), data, params: { β: [0, 0] } }).warnings.filter((w) => w.message.startsWith('the data gives'));
    expect(notes('X = standardize(ZScoreTransform, X; dims=1)').map((w) => [w.line, w.message])).toEqual([
      [3, "the data gives `X`, which this line computes before the file's call of `m` passes it; Tilde does not run the line on the data, so give `X` as this line makes it"],
    ]);
    expect(notes('Z = standardize(ZScoreTransform, X; dims=1)')).toEqual([]);
  });

  it("runs the lines of a top-level `begin … end` as the file's own, as Julia does (Pluto cells), definitions included", () => {
    const source = 'begin\n    x = [1.0, 2.0]\n    x̄ = sum(x) / length(x)\nend;\nbegin\n    @model function m(y)\n        μ ~ Normal(x̄, 1)\n        y ~ Normal(μ, 1)\n    end\n    model = m(0.5)\nend\n';
    const outcome = run({ source, params: { μ: 1 } });
    expect(outcome.value.logprior).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) - 0.125, 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) - 0.125, 12);
    expect(outcome.warnings.filter((w) => w.severity === 'warning')).toEqual([]);
  });

  it('destructures top-level lines, `x, y = …` and `(; a) = …`; one that cannot run is ignored with a warning naming its left side', () => {
    const source = 'a, b = 1\n(; c) = (c = 2.0, d = 1)\nx, y = [0.5, 1.5], 3.0\n@model function m(x, y)\n    μ ~ Normal(c, 1)\n    x ~ MvNormal(fill(μ, 2), y * I)\nend\nmodel = m(x, y)\n';
    const outcome = run({ source, params: { μ: 1 } });
    expect(outcome.value.logprior).toBeCloseTo(-0.5 * Math.log(2 * Math.PI) - 0.5, 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(-Math.log(2 * Math.PI * 3) - (0.25 + 0.25) / 6, 12);
    expect(outcome.warnings.filter((w) => w.severity === 'warning').map((w) => [w.line, w.message])).toEqual([[1, 'top-level `a, b = …` is ignored: cannot unpack the integer 1 into 2 names']]);
  });

  it('gives the model its own copies: writing into them changes nothing the next run sees', () => {
    const source = 'xs = [1.0, 2.0]\n@model function m(x)\n    μ ~ Normal(0, 1)\n    x[1] = x[1] + 1.0\n    return x[1]\nend\nm(xs)\n';
    const [model] = compile(source).models;
    const runs = [1, 2].map(() => model!.run(new PriorContext(Rng.seeded(1)), new Map()));
    expect(runs).toEqual([2, 2]);
  });
});

/** The model's return value, run once with no data of its own. */
function returned(source: string): unknown {
  const [model] = compile(source).models;
  return model!.run(new PriorContext(Rng.seeded(1)), new Map());
}

describe("a script's synthetic data, drawn with Tilde's generator", () => {
  const shapes = (v: unknown) => (v as { items: { shape?: number[] }[] }).items.map((a) => a.shape ?? 'scalar');

  it('rand and randn take what Julia takes: dimensions, distributions (vector ones give a column per draw), collections', () => {
    const source =
      'a = rand()\nb = rand(3)\nc = rand(2, 3)\nd = rand(Normal(), 4)\ne = rand(Bernoulli(0.5), 5)\nf = rand(1:6, 3)\ng = randn(2, 2)\nh = rand(MvNormal(zeros(2), I))\nk = rand(MvNormal(zeros(2), I), 5)\n' +
      '@model function m(a, b, c, d, e, f, g, h, k)\n    return (a, b, c, d, e, f, g, h, k)\nend\nm(a, b, c, d, e, f, g, h, k)\n';
    expect(shapes(returned(source))).toEqual(['scalar', [3], [2, 3], [4], [5], [3], [2, 2], [2], [2, 5]]);
    const [, , , , e, f] = (returned(source) as { items: { data: number[] }[] }).items;
    // Bools, as Distributions.jl's Bernoulli draws.
    expect(e!.data.every((v) => typeof v === 'boolean')).toBe(true);
    expect(f!.data.every((v) => Number.isInteger(v) && v >= 1 && v <= 6)).toBe(true);
  });

  it("`rand(model)` draws the model's variables from their prior, those it conditions held, as a named tuple (Pathfinder's docs simulate their data so)", () => {
    const source = [
      ...PATHFINDER_REGRESSION,
      'y = rand(regress(x) | (; α = 1.5, σ = 1e-9))[@varname(y)]',
      'prior = rand(regress(x))',
      '(; α) = prior',
      '@model function m(y, α, σ)',
      '    a ~ Normal()',
      '    return (y, α, σ)',
      'end',
      'm(y, α, prior.σ)',
      '',
    ].join('\n');
    const model = compile(source).models.find((d) => d.name === 'm')!;
    const [y, α, σ] = (model.run(new PriorContext(Rng.seeded(1)), new Map()) as { items: unknown[] }).items;
    // σ ≈ 0 conditioned: the draw is the mean, α .+ x.
    expect(Array.from((y as { data: number[] }).data, (v) => Math.round(v * 1e6) / 1e6)).toEqual([1.5, 2, 2.5, 3, 3.5]);
    expect(typeof α).toBe('number');
    expect(σ).toBeGreaterThan(0);
  });

  it('`rand(model, n)` says to draw one at a time, which is run, not that rand(model) is not', () => {
    const outcome = checkModel({ source: 'e = rand(m(missing), 3)\n@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(μ, 1)\nend\nmodel = m(1.0)\n' });
    const [warning] = (outcome.ok ? outcome.warnings : outcome.diagnostics).filter((w) => w.line === 1).map((w) => w.message);
    expect(warning).toMatch(/^top-level `e = …` is ignored: `rand\(model, n\)` is not run in Tilde: `rand\(model\)` draws one named tuple of the model's variables, so draw n of them in a comprehension/);
  });

  it('rand of a type draws what Julia draws: `rand(Bool, n)` a treatment flag, `rand(Float64, n)` uniforms, `randn(Float64, n)`; an integer type is refused', () => {
    const source = 'a = rand(Bool, 40)\nb = rand(Float64, 2, 3)\nc = randn(Float64, 4)\nd = rand(Bool)\n@model function m(a, b, c, d)\n    return (a, b, c, d)\nend\nm(a, b, c, d)\n';
    expect(shapes(returned(source))).toEqual([[40], [2, 3], [4], 'scalar']);
    const [a, b] = (returned(source) as { items: { data: unknown[] }[] }).items;
    expect(a!.data.every((v) => typeof v === 'boolean')).toBe(true);
    expect(new Set(a!.data).size).toBe(2);
    expect(b!.data.every((v) => typeof v === 'number' && v >= 0 && v < 1)).toBe(true);
    const ints = checkModel({ source: 'x = rand(Int, 3)\n@model function m(x)\n    μ ~ Normal()\n    return x\nend\nm(x)\n' });
    expect((ints.ok ? ints.warnings : ints.diagnostics).map((w) => w.message)).toContain("top-level `x = …` is ignored: rand(Int64) draws from all of Int64's values in Julia: draw from a range (`rand(1:6, n)`) or a distribution");
  });

  it('draws the same numbers at every compile, seeded by the script’s `Random.seed!(n)`, and says so', () => {
    const script = (seed: number) => `using Random\nRandom.seed!(${seed})\nx = randn(5)\n@model function m(x)\n    μ ~ Normal()\n    x ~ MvNormal(fill(μ, 5), I)\nend\nmodel = m(x)\n`;
    const lik = (seed: number) => run({ source: script(seed), params: { μ: 0.2 } }).value.loglikelihood;
    expect(lik(3)).toBe(lik(3));
    expect(lik(3)).not.toBe(lik(4));
    const note = run({ source: script(3), params: { μ: 0.2 } }).warnings.find((w) => w.line === 3);
    expect(note).toMatchObject({ severity: 'info', message: "`x` is drawn with Tilde's random generator (seed 3), not Julia's: the same distribution, other numbers than in Julia" });
  });

  it('takes a generator of its own, as newer tutorials pass one: `rng = Random.default_rng()`, `Random.seed!(rng, n)`, `randn(rng, …)`, `rand(Xoshiro(2), …)`', () => {
    const script = (seed: number) =>
      `using Random\nrng = Random.default_rng()\nRandom.seed!(rng, ${seed})\nx = randn(rng, 5)\nz = rand(Xoshiro(2), Normal(), 3)\n@model function m(x, z)\n    μ ~ Normal()\n    x ~ MvNormal(fill(μ, 5), I)\n    return length(z)\nend\nmodel = m(x, z)\n`;
    const outcome = run({ source: script(3), params: { μ: 0.2 } });
    expect(outcome.warnings.map((w) => `${w.line} ${w.message.replace(/:.*/, '')}`)).toEqual([
      "4 `x` is drawn with Tilde's random generator (seed 3), not Julia's",
      "5 `z` is drawn with Tilde's random generator (seed 3), not Julia's",
      '11 this call gives `m` its data for `x`, `z`, where the data you give leaves them out',
    ]);
    // The generator is Tilde's one stream, seeded by `Random.seed!(rng, n)` as by `Random.seed!(n)`.
    const plain = run({ source: script(3).replace('Random.seed!(rng, 3)', 'Random.seed!(3)').replace('randn(rng, 5)', 'randn(5)'), params: { μ: 0.2 } });
    expect(outcome.value.loglikelihood).toBe(plain.value.loglikelihood);
  });

  it('takes the seed of a generator made with one (`rng = Xoshiro(7)`) where no `seed!` line gives it', () => {
    const script = 'using Random\nrng = Xoshiro(7)\nx = randn(rng, 5)\n@model function m(x)\n    μ ~ Normal()\n    x ~ MvNormal(fill(μ, 5), I)\nend\nmodel = m(x)\n';
    const outcome = run({ source: script, params: { μ: 0.2 } });
    expect(outcome.warnings[0]!.message).toMatch(/^`x` is drawn with Tilde's random generator \(seed 7\)/);
    const seeded = run({ source: script.replace('rng = Xoshiro(7)', 'Random.seed!(7)').replace('randn(rng, 5)', 'randn(5)'), params: { μ: 0.2 } });
    expect(outcome.value.loglikelihood).toBe(seeded.value.loglikelihood);
  });

  it("runs the Gaussian mixture tutorial's script as pasted: its data from a MixtureModel of MvNormals", () => {
    const source =
      'using Random\nRandom.seed!(3)\nw = [0.5, 0.5]\nμ = [-3.5, 0.5]\nmixturemodel = MixtureModel([MvNormal(Fill(μₖ, 2), I) for μₖ in μ], w)\nN = 60\nx = rand(mixturemodel, N);\n' +
      '@model function gmm(x)\n    D, N = size(x)\n    return (D, N, sum(x) / (D * N))\nend\nmodel = gmm(x)\n';
    const [D, N, mean] = (returned(source) as { items: number[] }).items;
    expect([D, N]).toEqual([2, 60]);
    // The two components' means, -3.5 and 0.5, weighed equally: an overall mean near -1.5.
    expect(mean).toBeGreaterThan(-2.5);
    expect(mean).toBeLessThan(-0.5);
  });

  it('draws inside the file’s helper functions when a top-level line calls them, as a tutorial’s data-making function does', () => {
    const source = [
      'using Turing, Random',
      'Random.seed!(7)',
      'function make_data(n; slope = 2.0)',
      '    x = collect(range(0, 1; length = n))',
      '    noise = 0.1 .* randn(n)',
      '    return x, slope .* x .+ noise',
      'end',
      'x, y = make_data(50)',
      '@model function linreg(x, y)',
      '    β ~ Normal(0, 5)',
      '    σ ~ Exponential(1)',
      '    y ~ MvNormal(β .* x, σ^2 * I)',
      '    return sum(abs.(y .- 2 .* x)) / length(x)',
      'end',
      'model = linreg(x, y)',
    ].join('\n');
    const outcome = run({ source, params: { β: 2, σ: 0.1 } });
    // The noise is 0.1 · N(0, 1): its mean absolute value is about 0.08.
    expect(outcome.value.generated['return']).toBeGreaterThan(0.04);
    expect(outcome.value.generated['return']).toBeLessThan(0.12);
    const notes = outcome.warnings.filter((w) => w.severity === 'info').map((w) => [w.line, w.message]);
    expect(notes).toEqual([
      [8, "`x, y` are drawn with Tilde's random generator (seed 7), not Julia's: the same distribution, other numbers than in Julia"],
      [15, 'this call gives `linreg` its data for `x`, `y`, where the data you give leaves them out'],
    ]);
    expect(run({ source, params: { β: 2, σ: 0.1 } }).value.loglikelihood).toBe(outcome.value.loglikelihood);
  });

  it('a helper function that draws, called by a model, draws there; where its draw reaches the log density, the check stops with where it draws', () => {
    const outcome = checkModel({ source: 'noise(n) = randn(n)\n@model function m(y)\n    μ ~ Normal()\n    y ~ MvNormal(μ .+ noise(2), I)\nend\n', data: json({ y: [0.1, 0.2] }) });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => [d.line, d.column, d.message.split(':')[0]])).toEqual([[1, 12, '`randn` on line 1 draws a value that reaches the log density (a `~`\'s distribution or observed value, or `@addlogprob!`)']]);
    const returned = run({ source: 'noise(n) = randn(n)\n@model function m(y)\n    μ ~ Normal()\n    y ~ MvNormal(fill(μ, 2), I)\n    return μ .+ noise(2)\nend\n', data: json({ y: [0.1, 0.2] }), params: { μ: 1 } });
    expect(Object.keys(returned.value.generated)).toEqual(['return[1]', 'return[2]']);
  });

  it("is available inside a model, as Turing's generated quantities draw; the script's own draws stay the same", () => {
    const source = 'x = randn(3)\n@model function m(x)\n    μ ~ Normal()\n    x ~ MvNormal(fill(μ, 3), I)\n    return rand(Normal(μ, 1))\nend\nmodel = m(x)\n';
    const a = run({ source, params: { μ: 0 } });
    const b = run({ source: source.replace('return rand(Normal(μ, 1))', 'return 0'), params: { μ: 0 } });
    expect(a.value.loglikelihood).toBe(b.value.loglikelihood);
    expect(a.value.generated['return']).not.toBe(0);
    // StatsBase's `sample` of a collection draws too; Turing's `sample(model, …)` stays refused.
    const picked = run({ source: '@model function m()\n    x ~ Normal()\n    k := sample(1:10)\n    j := sample([1.0, 2.0, 3.0], Weights([0.0, 1.0, 0.0]), 2)\nend\n', params: { x: 0 } });
    expect(picked.value.generated['j[1]']).toBe(2);
    expect(picked.value.generated['k']).toBeGreaterThanOrEqual(1);
    const nested = checkModel({ source: '@model inner() = x ~ Normal()\n@model function m()\n    x ~ Normal()\n    c = sample(inner(), NUTS(), 10)\nend\n' });
    expect(nested.ok).toBe(false);
  });
});

describe('model objects made by the script', () => {
  const COINFLIP = TURING_MODELS.coinflipTutorial!;

  it("runs Turing's coin-flip tutorial as published: a function method of the model's name conditions it on the data", () => {
    const outcome = run({ source: COINFLIP, params: { p: 0.3 } });
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['p']);
    const heads = (outcome.value.loglikelihood - 100 * Math.log(0.7)) / (Math.log(0.3) - Math.log(0.7));
    expect(Number.isInteger(Math.round(heads * 1e9) / 1e9)).toBe(true);
    expect(heads).toBeGreaterThan(30);
    expect(heads).toBeLessThan(70);
    expect(outcome.warnings.find((w) => w.severity === 'info' && w.line === 28)).toMatchObject({ message: 'this call gives `coinflip` its data for `N`, `y`, where the data you give leaves them out' });
  });

  it('dispatches a call of a shared name by its number of arguments, and refuses a function as wide as the model', () => {
    const [model] = compile(COINFLIP).models;
    expect(model?.params.map((p) => [p.name, p.fromScript ?? false])).toEqual([['N', true]]);
    const clash = checkModel({ source: '@model function m(x)\n    x ~ Normal()\nend\nm(x) = 2x\n' });
    expect(clash.ok ? [] : clash.diagnostics.map((d) => [d.line, d.message])).toEqual([[4, '`m` is defined both as a model and as a function taking as many arguments: give the function another name']]);
  });

  it('`condition` and `|` need a model call and a named tuple or pairs', () => {
    const source = (line: string) => `@model function demo()\n    x ~ Normal()\nend\n@model function use()\n    a = ${line}\n    z ~ Normal()\nend\n`;
    const error = (line: string) => {
      const outcome = checkModel({ source: source(line), modelName: 'use' });
      return outcome.ok ? undefined : outcome.diagnostics[0]?.message;
    };
    expect(error('demo() | 2')).toBe('`demo(…) | …` takes a named tuple such as `(; y = data)` or pairs such as `@varname(y) => data`, got the integer 2');
    expect(error('condition(3, (; x = 1))')).toBe('condition expects a model call such as `demo(x)` first, got the integer 3');
  });

  it("a splat argument takes the script call's remaining arguments, as DynamicPPL's `demo_undef(ns...)` is called", () => {
    const model = '@model function demo_undef(ns...)\n    x = Array{Real}(undef, ns...)\n    @. x ~ Normal(0, 2)\nend\n';
    // The call had given no data for `ns`: "no data for the model argument `ns`".
    const x = [0.5, -1, 2, 0.25];
    const square = run({ source: `${model}model = demo_undef(2, 2)\n`, params: { x: [x.slice(0, 2), x.slice(2)] } }).value;
    expect(square.parameters.map((p) => p.name)).toEqual(['x[1, 1]', 'x[2, 1]', 'x[1, 2]', 'x[2, 2]']);
    expect(square.logprior).toBeCloseTo(x.reduce((a, v) => a + normalLogpdf(v, 0, 2), 0), 12);
    expect(run({ source: `${model}model = demo_undef(3)\n` }).value.parameters.map((p) => p.name)).toEqual(['x[1]', 'x[2]', 'x[3]']);
  });
});
