import { describe, expect, it } from 'vitest';
import { checkModel } from './index.js';
import { checked as run, jsonData as json, normalLogpdf } from './testing.js';

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
});
