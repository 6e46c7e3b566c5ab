import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checkModel, compile, parse } from './index.js';
import { checked as run, normalLogpdf } from './testing.js';

/**
 * What Turing's usage pages (predictive distributions, probability interface, submodels, mode estimation,
 * troubleshooting…) have users paste around and into their models.
 */

describe("idioms of Turing's usage pages", () => {
  it('`Vector{Union{Missing, Float64}}(undef, n)` holds missings, so its elements are sampled, at the top level and in a model', () => {
    const model = '@model function m(x, y)\n    α ~ Normal(0, 1)\n    for i in eachindex(y)\n        y[i] ~ Normal(α * x[i], 1)\n    end\nend\n';
    const script = `${model}y = Vector{Union{Missing, Float64}}(undef, 2)\nmodel = m([5.0, 6.0], y)\n`;
    const outcome = run({ source: script, params: { α: 0.5, 'y[1]': 2, 'y[2]': 3 } });
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['α', 'y[1]', 'y[2]']);
    expect(outcome.value.logjoint).toBeCloseTo(normalLogpdf(0.5, 0, 1) + normalLogpdf(2, 2.5, 1) + normalLogpdf(3, 3, 1), 12);
    const inside = '@model function m(x)\n    α ~ Normal(0, 1)\n    y = Array{Union{Missing, Float64}}(undef, length(x))\n    z = Vector{Union{Nothing, Int}}(undef, 1)\n    @addlogprob! z[1] === nothing ? 0 : -Inf\n    for i in eachindex(y)\n        y[i] ~ Normal(α * x[i], 1)\n    end\nend\n';
    const local = run({ source: inside, data: { text: '{"x": [5.0]}', format: 'json' }, params: { α: 0.5, 'y[1]': 2 } });
    expect(local.value.logjoint).toBeCloseTo(normalLogpdf(0.5, 0, 1) + normalLogpdf(2, 2.5, 1), 12);
  });

  it("conditions a submodel as DynamicPPL does: inside (`inner() | (@varname(a) => 1)`) or from outside on its prefixed name (`x.a`)", () => {
    const inner = '@model function inner()\n    a ~ Normal()\n    return a + 100\nend\n';
    const outer = (submodel: string) => `${inner}@model function outer()\n    x ~ ${submodel}\n    b ~ Normal(x)\nend\n`;
    const sources = [
      outer('to_submodel(inner() | (@varname(a) => 1))'),
      outer('to_submodel(inner() | (a = 1,))'),
      outer('to_submodel(condition(inner(), a = 1))'),
      outer('to_submodel(condition(inner(), :a => 1))'),
      `${outer('to_submodel(inner())')}model = outer() | (@varname(x.a) => 1)\n`,
      `${outer('to_submodel(inner(), false)')}model = outer() | (; a = 1)\n`,
    ];
    for (const source of sources) {
      const outcome = run({ source, params: { b: 100.5 } });
      expect(outcome.value.parameters.map((p) => p.name), source).toEqual(['b']);
      expect(outcome.value.loglikelihood, source).toBeCloseTo(normalLogpdf(1, 0, 1), 12);
      expect(outcome.value.logprior, source).toBeCloseTo(normalLogpdf(100.5, 101, 1), 12);
    }
    expectGradient(sources[4]!, undefined);
    // Data names a submodel's variable the same way; a key that only starts like one is not it.
    const byData = run({ source: outer('to_submodel(inner())'), data: { text: '{"x.a": 1, "xa": 2}', format: 'json' }, params: { b: 100.5 } });
    expect(byData.value.parameters.map((p) => p.name)).toEqual(['b']);
    expect(byData.value.loglikelihood).toBeCloseTo(normalLogpdf(1, 0, 1), 12);
    expect(byData.warnings.map((w) => w.message)).toContain('the data has `xa`, which is not an argument of `outer`; it is ignored');
    const element = parse(outer('to_submodel(inner() | (@varname(a[1]) => 1))')).diagnostics.map((d) => [d.line, d.column, d.message]);
    expect(element).toEqual([[6, 41, "`@varname` takes a variable's name, `a` or `x.a`: Tilde conditions and names whole variables (an array's elements are conditioned by giving the array, with `missing` where it is not)"]]);
  });

  it("`fix(model, σ = 1.0)` and `DynamicPPL.fix` make variables constants whose density is not counted; `decondition` undoes `condition`", () => {
    const demo = '@model function demo(y)\n    σ ~ Exponential(1)\n    μ ~ Normal(0, 10)\n    for i in eachindex(y)\n        y[i] ~ Normal(μ, σ)\n    end\nend\n';
    for (const line of ['model = fix(demo([0.5, 1.5]), σ = 2.0)', 'model = fix(demo([0.5, 1.5]), (; σ = 2.0))', 'model = DynamicPPL.fix(demo([0.5, 1.5]), @varname(σ) => 2.0)']) {
      const outcome = run({ source: `${demo}${line}\nchain = sample(model, NUTS(), 1000)\n`, params: { μ: 0.7 } });
      expect(outcome.value.parameters.map((p) => p.name), line).toEqual(['μ']);
      expect(outcome.value.logprior, line).toBeCloseTo(normalLogpdf(0.7, 0, 10), 12);
      expect(outcome.value.loglikelihood, line).toBeCloseTo(normalLogpdf(0.5, 0.7, 2) + normalLogpdf(1.5, 0.7, 2), 12);
    }
    expectGradient(`${demo}model = fix(demo([0.5, 1.5]), σ = 2.0)\n`, undefined);
    // Elements and submodels: `y[i] ~` takes the fixed element; a fixed submodel variable is no parameter.
    const gen = '@model function inner()\n    a ~ Normal()\n    return a\nend\n@model function gen(n)\n    μ ~ Normal()\n    y = Vector{Float64}(undef, n)\n    for i in 1:n\n        y[i] ~ Normal(μ, 1)\n    end\n    z ~ to_submodel(fix(inner(), a = 3.0))\n    return sum(y) + z\nend\nmodel = fix(gen(2), y = [0.1, 0.2])\n';
    const fixed = run({ source: gen, params: { μ: 0.5 } });
    expect(fixed.value.parameters.map((p) => p.name)).toEqual(['μ']);
    expect(fixed.value.logjoint).toBeCloseTo(normalLogpdf(0.5, 0, 1), 12);
    expect(fixed.value.generated['return']).toBeCloseTo(3.3, 12);
    const simple = '@model function demo()\n    x ~ Normal()\n    y ~ Normal(x, 1)\nend\n';
    const partly = run({ source: `${simple}model = decondition(demo() | (x = 0.3, y = 1.5), @varname(x))\n`, params: { x: 0.2 } });
    expect(partly.value.parameters.map((p) => p.name)).toEqual(['x']);
    expect(partly.value.loglikelihood).toBeCloseTo(normalLogpdf(1.5, 0.2, 1), 12);
  });

  it("the mode-estimation page's optimiser packages are ignored with a word on Tilde's MAP and MLE, not refused", () => {
    const source = 'using Turing\nusing OptimizationOptimJL: NelderMead\nusing OptimizationNLopt: NLopt.LD_TNEWTON_PRECOND_RESTART\nimport Optimization, Optim\n';
    expect(parse(source).diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', 2, '`using OptimizationOptimJL` is ignored: MAP and MLE are samplers of their own here (or `tilde optimize`), by L-BFGS'],
      ['warning', 3, '`using OptimizationNLopt` is ignored: MAP and MLE are samplers of their own here (or `tilde optimize`), by L-BFGS'],
      ['warning', 4, '`import Optimization` is ignored: MAP and MLE are samplers of their own here (or `tilde optimize`), by L-BFGS'],
      ['warning', 4, '`import Optim` is ignored: MAP and MLE are samplers of their own here (or `tilde optimize`), by L-BFGS'],
    ]);
  });

  it('says on each line what Tilde does instead of the functions a script calls on the model and its chains', () => {
    const gdemo = '@model function gdemo(x)\n    s² ~ InverseGamma(2, 3)\n    m ~ Normal(0, sqrt(s²))\n    x ~ MvNormal(fill(m, length(x)), s² * I)\nend\n';
    const lines = [
      'setprogress!(false)',
      'model = gdemo([1.5, 2.0])',
      'chain = sample(model, NUTS(), 1000)',
      'predict(gdemo(fill(missing, 2)), chain)',
      'gq = returned(model, chain)',
      'loglikelihood(model, (; m = 0.2, s² = 1.0))',
      'lp = loglikelihood(model, (; m = 0.2, s² = 1.0))',
      'DynamicPPL.check_model(model)',
      'θ = rand(model)',
      'map_estimate = maximum_a_posteriori(model)',
      'coeftable(map_estimate)',
      'm̂ = mean(chain[:m])',
    ];
    const notes = compile(`${gdemo}${lines.join('\n')}\n`)
      .diagnostics.filter((d) => d.severity !== 'info')
      .map((d) => [d.line, d.message.replace(/: (Tilde|`tilde|choose|give) .*/, ': …')]);
    expect(notes).toEqual([
      [6, '`setprogress!` is not run in Tilde: …'],
      [9, '`predict` is not run in Tilde: …'],
      [10, 'top-level `gq = …` is ignored: `returned` is not run in Tilde: …'],
      [11, '`loglikelihood` is not run in Tilde: …'],
      [12, 'top-level `lp = …` is ignored: `loglikelihood` is not run in Tilde: …'],
      [13, '`check_model` is not run in Tilde: …'],
      [15, 'top-level `map_estimate = …` is ignored: `maximum_a_posteriori` is not run in Tilde: …'],
      [16, '`coeftable` is not run in Tilde: …'],
      [17, 'top-level `m̂ = …` is ignored: `chain` is defined at the top of the file, but its line could not run before the model: `sample` is not run in Tilde: …'],
    ]);
    // A function of the file's own with such a name is the user's.
    const own = compile(`${gdemo}predict(x) = 2x\npredict(1.0)\n`).diagnostics.map((d) => d.message);
    expect(own).toEqual(['top-level statements are not run: Tilde samples the model itself, with the data you give it (a call of the model in them can supply the data you leave out)']);
  });

  it("names the submodels page's `ps = to_submodel(…)` and `__varinfo__` for what they are, with what to write", () => {
    const priors = '@model function priors(x)\n    c0 ~ Normal(0, 5)\n    return (; mu = c0 .+ x)\nend\n';
    const errorOf = (body: string) => {
      const outcome = checkModel({ source: `${priors}@model function normal(x, y)\n${body}\n    y ~ MvNormal(ps.mu, I)\nend\n`, data: { text: '{"x": [1.0, 2.0], "y": [1.0, 2.0]}', format: 'json' } });
      return outcome.ok ? undefined : outcome.diagnostics.find((d) => d.severity === 'error')?.message;
    };
    expect(errorOf('    ps = to_submodel(priors(x))')).toBe('the submodel priors has no field mu: a model object is not run by `=`; `name ~ to_submodel(priors(…))` runs it and gives `name` its return value');
    expect(errorOf('    ps ~ to_submodel(priors(x))')).toBeUndefined();
    expect(errorOf('    ps ~ to_submodel(priors(x))\n    c0 = __varinfo__[@varname(ps.c0)]')).toMatch(/^`__varinfo__` is the state DynamicPPL threads through a model, which Tilde does not have: return what you need/);
  });

  it("DynamicPPL's demo models' `return (; …, logp = getlogp(__varinfo__))` returns what the model has accumulated", () => {
    const source = '@model function demo()\n    s ~ InverseGamma(2, 3)\n    a = getlogjoint(__varinfo__)\n    1.5 ~ Normal(0, sqrt(s))\n    return (; s = s, logp = getlogp(__varinfo__), prior = DynamicPPL.getlogprior(__varinfo__), lik = getloglikelihood(__varinfo__), a = a)\nend\n';
    const outcome = run({ source, params: { s: 2 } });
    const g = outcome.value.generated;
    const prior = Math.log(9) - 3 * Math.log(2) - 3 / 2; // InverseGamma(2, 3) at 2: β^α / Γ(α) · s^(−α−1) e^(−β/s)
    const likelihood = normalLogpdf(1.5, 0, Math.sqrt(2));
    expect(g['return.prior']).toBeCloseTo(prior, 12);
    expect(g['return.lik']).toBeCloseTo(likelihood, 12);
    expect(g['return.logp']).toBeCloseTo(prior + likelihood, 12);
    expect(g['return.logp']).toBeCloseTo(outcome.value.logjoint, 12);
    // Read before the observation: only the prior had been accumulated there.
    expect(g['return.a']).toBeCloseTo(prior, 12);
    // Given anything else, it is still DynamicPPL's internal state, which Tilde does not have.
    const other = checkModel({ source: source.replace('getlogp(__varinfo__)', 'getlogp(vi)') });
    expect(other.ok ? [] : other.diagnostics.map((d) => d.message).join()).toMatch(/`getlogp` reads the log density DynamicPPL has accumulated in `__varinfo__`/);
  });

  it('names a sampler a meta-Bayesian model runs inside itself (ADTests\' metabayesian_MH), and leaves a function of that name to the file', () => {
    const nested = '@model function outer(action, inner_sampler = MH())\n    μ ~ Normal(0, 1)\n    action ~ Normal(μ, 1)\nend\n';
    const outcome = checkModel({ source: nested, data: { text: '{"action": 1.0}', format: 'json' } });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      "1:47 `MH` is one of Turing's samplers, which a model cannot run: Tilde samples the model with the sampler chosen in the workbench or with `tilde sample --sampler`; a model that runs inference inside itself (a nested, meta-Bayesian model) cannot run in Tilde",
    ]);
    expect(checkModel({ source: `ESS(x) = 2x\n${nested.replace('MH()', 'ESS(1.0)')}`, data: { text: '{"action": 1.0}', format: 'json' } }).ok).toBe(true);
  });

  it("names a function imported from a package Tilde does not load (ADTests' metaAD_ReverseDiff) where it is called", () => {
    const source = 'using ReverseDiff: GradientConfig, gradient\nusing LinearAlgebra: dot\n@model function m(y)\n    a ~ Normal()\n    g = gradient(x -> dot(x, x), [a])\n    y ~ Normal(g[1], 0.01)\nend\n';
    const outcome = checkModel({ source, data: { text: '{"y": 0.5}', format: 'json' } });
    expect(outcome.ok ? [] : outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '5:9 `gradient` is imported from ReverseDiff, a package Tilde does not load: the AD backend is chosen in the workbench or with --ad',
    ]);
    // DifferentiationInterface's way (metaAD_Mooncake_reverse): the backend object names what it is.
    const viaDI = checkModel({ source: 'using DifferentiationInterface\n@model function m(y)\n    x ~ Normal()\n    backend = AutoMooncake()\n    y ~ Normal(x, 0.01)\nend\n', data: { text: '{"y": 0.5}', format: 'json' } });
    expect(viaDI.ok ? [] : viaDI.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([
      '`AutoMooncake` is automatic differentiation, which a model cannot run inside itself in Tilde: the AD backend that differentiates the model is chosen in the workbench or with --ad; a gradient the model needs is written out (the derivative by hand)',
    ]);
  });

  it("runs the custom-distribution page's `struct … <: ContinuousUnivariateDistribution` with its methods (see user-distributions.test.ts)", () => {
    const page = 'struct CustomUniform <: ContinuousUnivariateDistribution end\nDistributions.rand(rng::AbstractRNG, d::CustomUniform) = rand(rng)\nDistributions.logpdf(d::CustomUniform, x::Real) = zero(x)\nBijectors.bijector(d::CustomUniform) = Logit(0.0, 1.0)\n';
    const withFields = 'struct MyLaplace{T<:Real} <: ContinuousUnivariateDistribution\n    μ::T\n    b::T\nend\nDistributions.logpdf(d::MyLaplace, x::Real) = -log(2d.b) - abs(x - d.μ) / d.b\n';
    const uniform = run({ source: `${page}@model function m()\n    x ~ CustomUniform()\nend\n`, params: { x: 0.25 } });
    expect(uniform.value.parameters.map((p) => [p.name, p.support])).toEqual([['x', '(0, 1)']]);
    expect(uniform.value.logdensity).toBeCloseTo(Math.log(0.25 * 0.75), 12);
    const laplace = run({ source: `${withFields}@model function m(y)\n    μ ~ Normal(0, 5)\n    y ~ MyLaplace(μ, 2.0)\nend\n`, data: { text: '{"y": 1.5}', format: 'json' }, params: { μ: 0.5 } });
    expect(laplace.value.loglikelihood).toBeCloseTo(-Math.log(4) - 0.5, 12);
  });

  it("starts where the troubleshooting page's `InitFromParams` says, and says how chains start where its other `initial_params` / `init_params` ask", () => {
    const model = '@model function initial_bad2()\n    x ~ Exponential(100)\n    y ~ Uniform(0, x)\nend\nmodel = initial_bad2() | (y = 50.0,)\n';
    expect(compile(`${model}chain = sample(model, NUTS(), 1000; initial_params=InitFromParams((x = 60.0,)))\n`).scriptRuns.get('initial_bad2')?.init).toEqual({ x: 60 });
    for (const kw of ['initial_params=rand(Vector, model)', 'init_params=[60.0]']) {
      const notes = compile(`${model}chain = sample(model, NUTS(), 1000; ${kw})\n`).diagnostics.filter((d) => d.line === 6);
      expect(notes.map((d) => d.severity), kw).toEqual(['info']);
      expect(notes[0]!.message, kw).toMatch(new RegExp(`Tilde does not read \`${kw.slice(0, kw.indexOf('='))}\` \\(.*\\): each chain starts at a random point of \\(−2, 2\\) on the unconstrained scale, as Turing does by default`));
    }
  });

  it("a helper no model uses (the probability-interface page's cross-validation) is a warning, not an error that stops the model", () => {
    const gdemo = '@model function gdemo(x)\n    μ ~ Normal(0, 1)\n    x ~ MvNormal(fill(μ, length(x)), I)\nend\n';
    const helper = 'function cross_val(dataset)\n    model = gdemo(dataset)\n    return logjoint(model, (μ = 0.0,))\nend\n';
    const outcome = run({ source: `${gdemo}${helper}model = gdemo([0.5, 1.5])\nloss = cross_val([0.5, 1.5])\n`, params: { μ: 0.2 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0.5, 0.2, 1) + normalLogpdf(1.5, 0.2, 1), 12);
    expect(outcome.warnings.filter((w) => w.severity === 'warning').map((w) => [w.line, w.message.replace(/ \(line 7: .*\): /, ' (line 7: …): ')])).toEqual([
      [5, '`cross_val` is not used by a model, and Tilde cannot run all of it (line 7: …): a top-level line that calls it is ignored'],
      [10, 'top-level `loss = …` is ignored: `logjoint` is not run in Tilde: `tilde check --params \'{…}\'` prints the log prior, log likelihood and log joint at given values, and every draw keeps its log joint as `lp` and its parts as `logprior` and `loglikelihood`, as Turing 0.40\'s chains do'],
    ]);
    // A function a model calls, even through another, still stops it.
    const used = `${helper}f(x) = cross_val(x)\n@model function m(y)\n    μ ~ Normal(f(y), 1)\nend\n`;
    const failed = checkModel({ source: used, data: { text: '{"y": [1.0]}', format: 'json' } });
    expect(failed.ok ? [] : failed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line)).toEqual([2, 3]);
  });

  it("chooses among a name's definitions by their annotations, as Julia's dispatch does: the page's `gdemo(x::AbstractVector{<:Real})` beside the model", () => {
    const model = '@model function gdemo(n)\n    μ ~ Normal(0, 1)\n    x ~ MvNormal(fill(μ, n), I)\nend\n';
    const convenience = `${model}gdemo(x::AbstractVector{<:Real}) = gdemo(length(x)) | (; x)\nmodel = gdemo([0.5, 1.5])\n`;
    const outcome = run({ source: convenience, params: { μ: 0.2 } });
    expect(outcome.value.parameters.map((p) => p.name)).toEqual(['μ']);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0.5, 0.2, 1) + normalLogpdf(1.5, 0.2, 1), 12);
    // Plain functions too; unannotated, the clash with the model is still refused.
    const methods = 'f(x::Real) = 2x\nf(x::AbstractVector) = sum(x)\n@model function m(y)\n    μ ~ Normal(f(1.5) + f([1.0, 2.0]), 1)\n    y ~ Normal(μ, 1)\nend\n';
    expect(run({ source: methods, data: { text: '{"y": 0}', format: 'json' }, params: { μ: 6 } }).value.logprior).toBeCloseTo(normalLogpdf(6, 6, 1), 12);
    const clash = checkModel({ source: `${model}gdemo(x) = gdemo(length(x)) | (; x)\n` });
    expect(clash.ok ? [] : clash.diagnostics.map((d) => d.message)).toContain('`gdemo` is defined both as a model and as a function taking as many arguments: give the function another name');
  });

  it("the submodels page's `make_model` factory, rewritten as its error says, takes the family's model as an argument", () => {
    const factory = 'function make_model(x, y)\n    @model function general(x, y)\n        c ~ Normal()\n    end\n    return general(x, y)\nend\n';
    expect(parse(factory).diagnostics.map((d) => d.message)).toEqual([
      '`@model` must start a function definition at the top level of the file: define the model there, with what the enclosing code chooses (another model, too) as an argument',
    ]);
    const family = '@model function normal_family(mu, y)\n    for i in eachindex(y)\n        y[i] ~ Normal(mu[i], 1)\n    end\nend\n';
    const general = '@model function general(x, y, family_model)\n    c ~ Normal()\n    _n ~ to_submodel(family_model(c .* x, y), false)\nend\n';
    const outcome = run({ source: `${family}${general}model = general([1.0, 2.0], [0.5, 1.5], normal_family)\n`, params: { c: 0.5 } });
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0.5, 0.5, 1) + normalLogpdf(1.5, 1, 1), 12);
  });
});
