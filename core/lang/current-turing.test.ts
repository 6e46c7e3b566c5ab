import { describe, expect, it } from 'vitest';
import { expectGradient } from '../testing/index.js';
import { checkModel, compile } from './index.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';

/** Models as the docs of Turing 0.40–0.42 (DynamicPPL 0.37–0.39) write them, where the syntax changed. */

describe('Turing 0.40+ model syntax', () => {
  it('`@addlogprob! (; logprior = a, loglikelihood = b)` adds each to its own term, and a bare number to the likelihood', () => {
    const source =
      '@model function demo(x)\n    μ ~ Normal()\n    @addlogprob! (; logprior = logpdf(Normal(), μ), loglikelihood = loglikelihood(Normal(μ), x))\n    @addlogprob! -0.5\nend\n';
    const outcome = run({ source, data: json({ x: [1, 2] }), params: { μ: 0.3 } });
    expect(outcome.value.logprior).toBeCloseTo(2 * normalLogpdf(0.3, 0, 1), 12);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(1, 0.3, 1) + normalLogpdf(2, 0.3, 1) - 0.5, 12);
    const priorOnly = run({ source: source.replace(', loglikelihood = loglikelihood(Normal(μ), x)', ''), data: json({ x: [1, 2] }), params: { μ: 0.3 } });
    expect(priorOnly.value.loglikelihood).toBeCloseTo(-0.5, 12);
    expectGradient(source, JSON.stringify({ x: [1, 2] }));
  });

  it('`@addlogprob!` with a named tuple of any other field says which fields Turing takes', () => {
    const source = '@model function demo()\n    μ ~ Normal()\n    @addlogprob! (; lp = -1.0)\nend\n';
    const outcome = checkModel({ source, data: json({}) });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => d.message)).toEqual([
      '`@addlogprob!` with a named tuple takes the fields `logprior` and `loglikelihood`, as in Turing, not `lp`',
    ]);
  });

  it('`__model__.context`, which replaced `__context__` in Turing 0.40, is named as the evaluation context Tilde does not have', () => {
    const source = '@model function m(y)\n    μ ~ Normal()\n    ctx = __model__.context\n    y ~ Normal(μ)\nend\n';
    const outcome = checkModel({ source, data: json({ y: 1 }) });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => d.message.slice(0, d.message.indexOf(':')))).toEqual([
      "`__model__.context` (Turing 0.40's `__context__`) is DynamicPPL's evaluation context, which Tilde does not have",
    ]);
  });

  it('`setthreadsafe(model, true)` (Turing 0.42) is the model itself: its data and sample line still reach the run', () => {
    const source =
      '@model function m(y)\n    μ ~ Normal()\n    Threads.@threads for i in eachindex(y)\n        y[i] ~ Normal(μ)\n    end\nend\n' +
      'model = m([0.5, 1.5])\nmodel = setthreadsafe(model, true)\nchain = sample(model, NUTS(), 200)\n';
    const compiled = compile(source);
    expect(compiled.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message)).toEqual([]);
    expect(compiled.scriptRuns.get('m')).toMatchObject({ draws: 200, line: 9 });
    expect(run({ source, params: { μ: 0.2 } }).value.loglikelihood).toBeCloseTo(normalLogpdf(0.5, 0.2, 1) + normalLogpdf(1.5, 0.2, 1), 12);
  });

  it('`to_submodel(inner(); auto_prefix = false)` is refused as Julia refuses it, with the positional form DynamicPPL takes', () => {
    const source = '@model function inner()\n    a ~ Normal()\n    return a\nend\n@model function outer()\n    x ~ to_submodel(inner(); auto_prefix = false)\nend\n';
    const outcome = checkModel({ source, data: json({}), modelName: 'outer' });
    expect(outcome.ok ? [] : outcome.diagnostics.map((d) => d.message)).toEqual([
      'to_submodel takes no keywords (`auto_prefix`): whether to prefix the names is its second argument, as in `to_submodel(inner(x), false)`',
    ]);
    const positional = run({ source: source.replace('; auto_prefix = false', ', false'), data: json({}), modelName: 'outer', params: { a: 0.1 } });
    expect(positional.value.logprior).toBeCloseTo(normalLogpdf(0.1, 0, 1), 12);
  });

  it('`condition(model, Dict(@varname(x) => …))` and `model | Dict(…)` condition as a named tuple does (DynamicPPL 0.38 recommends a Dict)', () => {
    const model = '@model function demo()\n    σ ~ Exponential()\n    x = Vector{Float64}(undef, 2)\n    x[1] ~ Normal(0, σ)\n    x[2] ~ Normal(0, σ)\nend\n';
    const xs = run({ source: `${model}model = condition(demo(), Dict(@varname(x) => [0.5, 1.0]))\n`, params: { σ: 2 } });
    expect(xs.value.parameters.map((p) => p.name)).toEqual(['σ']);
    expect(xs.value.loglikelihood).toBeCloseTo(normalLogpdf(0.5, 0, 2) + normalLogpdf(1, 0, 2), 12);
    const σ = run({ source: `${model}model = demo() | Dict(@varname(σ) => 2.0)\n`, params: { x: [0.5, 1] } });
    expect(σ.value.parameters.map((p) => p.name)).toEqual(['x[1]', 'x[2]']);
    const inside = '@model function inner()\n    a ~ Normal()\nend\n@model function outer()\n    b ~ to_submodel(inner() | Dict(@varname(a) => 1.0))\nend\n';
    expect(run({ source: inside, modelName: 'outer' }).value.loglikelihood).toBeCloseTo(normalLogpdf(1, 0, 1), 12);
  });

  it('a top-level model object with an element `@varname(x[1])` (DynamicPPL 0.36+) says why it is not run, not only that top-level lines are not', () => {
    const model = '@model function demo()\n    σ ~ Exponential()\n    x = Vector{Float64}(undef, 2)\n    x[1] ~ Normal(0, σ)\n    x[2] ~ Normal(0, σ)\nend\n';
    const notes = compile(`${model}model = condition(demo(), @varname(x[1]) => 0.5)\n`).diagnostics.filter((d) => d.line === 7);
    expect(notes.map((d) => [d.severity, d.message.slice(0, d.message.indexOf(': Tilde'))])).toEqual([
      ['warning', "this top-level statement is not run: `@varname` takes a variable's name, `a` or `x.a`"],
    ]);
  });

  it("DynamicPPL's pointwise_logdensities and pointwise_prior_logdensities say where Tilde keeps the log densities, the chains' logprior and loglikelihood included", () => {
    const model = '@model function m(y)\n    μ ~ Normal()\n    y ~ Normal(μ)\nend\nmodel = m(0.5)\n';
    for (const f of ['pointwise_logdensities', 'pointwise_prior_logdensities']) {
      const notes = compile(`${model}lps = ${f}(model, chain)\n`).diagnostics.filter((d) => d.line === 6);
      expect(notes.map((d) => d.message), f).toEqual([
        `top-level \`lps = …\` is ignored: \`${f}\` is not run in Tilde: \`tilde check --params '{…}'\` prints the log prior, log likelihood and log joint at given values, and every draw keeps its log joint as \`lp\` and its parts as \`logprior\` and \`loglikelihood\`, as Turing 0.40's chains do`,
      ]);
    }
  });
});

