import { describe, expect, it } from 'vitest';
import { parse } from './index.js';
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
  it("the mode-estimation page's optimiser packages are ignored with a word on Tilde's MAP and MLE, not refused", () => {
    const source = 'using Turing\nusing OptimizationOptimJL: NelderMead\nusing OptimizationNLopt: NLopt.LD_TNEWTON_PRECOND_RESTART\nimport Optimization, Optim\n';
    expect(parse(source).diagnostics.map((d) => [d.severity, d.line, d.message])).toEqual([
      ['warning', 2, '`using OptimizationOptimJL` is ignored: MAP and MLE are samplers of their own here (or `tilde optimize`), by L-BFGS'],
      ['warning', 3, '`using OptimizationNLopt` is ignored: MAP and MLE are samplers of their own here (or `tilde optimize`), by L-BFGS'],
      ['warning', 4, '`import Optimization` is ignored: MAP and MLE are samplers of their own here (or `tilde optimize`), by L-BFGS'],
      ['warning', 4, '`import Optim` is ignored: MAP and MLE are samplers of their own here (or `tilde optimize`), by L-BFGS'],
    ]);
  });
});
