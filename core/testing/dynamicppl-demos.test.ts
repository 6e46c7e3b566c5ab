import erfc from '@stdlib/math-base-special-erfc';
import { describe, expect, it } from 'vitest';
import { checkModel, prepare } from '../lang/index.js';
import { summarize } from '../diagnostics/index.js';
import { sample } from '../run/index.js';
import { DEMO_POSTERIOR_MEAN, DYNAMICPPL_DEMOS, demoDensities, type DemoPosterior } from './index.js';

/** Points spread over the posterior's bulk and tails, one (s, m) per pair; univariate models take the first. */
const POINTS: { s: number[]; m: number[] }[] = [
  { s: [2, 3], m: [1, 0.5] },
  { s: [0.37, 5.5], m: [-0.8, 2.6] },
  { s: [11, 0.09], m: [3.1, -0.25] },
];

function pointFor(posterior: DemoPosterior, p: { s: number[]; m: number[] }): { s: number[]; m: number[] } {
  return posterior === 'univariate' ? { s: p.s.slice(0, 1), m: p.m.slice(0, 1) } : p;
}

/** Tilde's coordinate order is the model's: all of s (log-mapped), then all of m. */
function unconstrained(p: { s: number[]; m: number[] }): number[] {
  return [...p.s.map(Math.log), ...p.m];
}

describe("DynamicPPL's DEMO_MODELS against the closed forms of its test_utils/models.jl", () => {
  for (const demo of DYNAMICPPL_DEMOS) {
    it(`${demo.name}: varnames, log prior, likelihood, joint and unconstrained density`, () => {
      for (const point of POINTS) {
        const p = pointFor(demo.posterior, point);
        const params = demo.posterior === 'univariate' ? { s: p.s[0], m: p.m[0] } : p;
        const outcome = checkModel({ source: demo.source, params, auto: false });
        if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
        const r = outcome.value;
        expect(r.parameters.map((q) => q.name)).toEqual(demo.varnames);
        const exact = demoDensities(demo.posterior, p.s, p.m);
        expect(r.logprior).toBeCloseTo(exact.logprior, 12);
        expect(r.loglikelihood).toBeCloseTo(exact.loglikelihood, 12);
        expect(r.logjoint).toBeCloseTo(exact.logprior + exact.loglikelihood, 12);
        expect(r.logdensity).toBeCloseTo(exact.logpriorUnconstrained + exact.loglikelihood, 12);
        r.unconstrained.forEach((y, k) => expect(y).toBeCloseTo(unconstrained(p)[k]!, 12));
      }
    });
  }

  it('NUTS reaches posterior_mean on every form within 4 MCSE of its own run', () => {
    for (const [k, demo] of DYNAMICPPL_DEMOS.entries()) {
      const prepared = prepare({ source: demo.source });
      if (!prepared.ok) throw new Error(`${demo.name}: ${prepared.diagnostics.map((d) => d.message).join('\n')}`);
      const chains = sample(prepared.value.model, prepared.value.args, { sampler: 'nuts' }, { draws: 500, warmup: 300, chains: 2, seed: 100 + k });
      const rows = new Map(summarize(chains).rows.map((r) => [r.parameter, r]));
      const mean = DEMO_POSTERIOR_MEAN[demo.posterior];
      const columns = demo.columns ?? (demo.posterior === 'univariate' ? ['s', 'm'] : ['s[1]', 's[2]', 'm[1]', 'm[2]']);
      expect(chains.parameters, demo.name).toEqual(columns);
      const exact = [...mean.s, ...mean.m];
      columns.forEach((name, i) => {
        const row = rows.get(name)!;
        expect(Math.abs(row.mean - exact[i]!), `${demo.name} ${name}: mean ${row.mean} vs ${exact[i]}, MCSE ${row.mcse_mean}`).toBeLessThan(4 * row.mcse_mean);
      });
    }
  });
});

/** Φ(z), the standard normal's distribution function, for truncation constants. */
const normalCdf = (z: number): number => 0.5 * erfc(-z / Math.SQRT2);
const stdNormalLogpdf = (z: number): number => -0.5 * Math.log(2 * Math.PI) - (z * z) / 2;
const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * The other models of the same file, each with its `logprior_true` and `logprior_true_with_logabsdet_jacobian` in
 * closed form (no likelihood: `loglikelihood_true` is zero), at constrained values, with the unconstrained
 * coordinates Bijectors gives.
 */
const CONSTRAINED: { name: string; source: string; params: Record<string, unknown>; varnames: string[]; logprior: number; jacobian: number; unconstrained: number[] }[] = [
  {
    // x ~ truncated(Normal(), m, Inf): Bijectors maps x to log(x − m), whose logabsdetjac is −log(x − m).
    name: 'demo_dynamic_constraint',
    source: '@model function demo_dynamic_constraint()\n    m ~ Normal()\n    x ~ truncated(Normal(), m, Inf)\n\n    return (m=m, x=x)\nend\n',
    params: { m: 0.3, x: 1.2 },
    varnames: ['m', 'x'],
    logprior: stdNormalLogpdf(0.3) + stdNormalLogpdf(1.2) - Math.log(1 - normalCdf(0.3)),
    jacobian: Math.log(1.2 - 0.3),
    unconstrained: [0.3, Math.log(0.9)],
  },
  {
    // x[2]: log; x[3] on (−5, 20): logit((x − a)/(b − a)), logabsdetjac −log((x − a)(b − x)/(b − a)); x[4:5] on the
    // 2-simplex: logit(x[4]) (stick-breaking, + log(K − 1) = 0), logabsdetjac −log(x[4] x[5]).
    name: 'demo_one_variable_multiple_constraints',
    source: `@model function demo_one_variable_multiple_constraints(
    ::Type{TV}=Vector{Float64}
) where {TV}
    x = TV(undef, 5)
    x[1] ~ Normal()
    x[2] ~ InverseGamma(2, 3)
    x[3] ~ truncated(Normal(), -5, 20)
    x[4:5] ~ Dirichlet([1.0, 2.0])
    return (x=x,)
end
`,
    params: { x: [0.3, 1.2, 0.7, 0.4, 0.6] },
    varnames: ['x[1]', 'x[2]', 'x[3]', 'x[4:5]'],
    // Dirichlet([1, 2]) at (x4, x5): log Γ(3) − log Γ(1) − log Γ(2) + log x5.
    logprior: stdNormalLogpdf(0.3) + (2 * Math.log(3) - 3 * Math.log(1.2) - 3 / 1.2) + stdNormalLogpdf(0.7) - Math.log(normalCdf(20) - normalCdf(-5)) + Math.log(2) + Math.log(0.6),
    jacobian: Math.log(1.2) + Math.log(((0.7 + 5) * (20 - 0.7)) / 25) + Math.log(0.4 * 0.6),
    unconstrained: [0.3, Math.log(1.2), logit((0.7 + 5) / 25), logit(0.4)],
  },
  {
    // LKJCholesky(2, 1): the correlation r = L[2, 1] uniform on (−1, 1), density 1/2; Bijectors' coordinate is
    // atanh(r), and L[2, 1] = tanh(y) has derivative 1 − r².
    name: 'demo_lkjchol',
    source: '@model function demo_lkjchol(d::Int=2)\n    x ~ LKJCholesky(d, 1.0)\n    return (x=x,)\nend\n',
    params: { x: [[1, 0], [0.6, 0.8]] },
    varnames: ['x'],
    logprior: -Math.log(2),
    jacobian: Math.log(1 - 0.6 * 0.6),
    unconstrained: [Math.atanh(0.6)],
  },
];

describe("the other models of DynamicPPL's test_utils/models.jl against their closed forms", () => {
  for (const demo of CONSTRAINED) {
    it(`${demo.name}: varnames, log prior and the unconstrained density with Bijectors' log-Jacobian`, () => {
      const outcome = checkModel({ source: demo.source, params: demo.params, auto: false });
      if (!outcome.ok) throw new Error(outcome.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
      const r = outcome.value;
      expect(r.parameters.map((q) => q.name)).toEqual(demo.varnames);
      expect(r.logprior).toBeCloseTo(demo.logprior, 12);
      expect(r.loglikelihood).toBe(0);
      expect(r.logdensity).toBeCloseTo(demo.logprior + demo.jacobian, 12);
      r.unconstrained.forEach((y, k) => expect(y).toBeCloseTo(demo.unconstrained[k]!, 12));
      expect(r.unconstrained).toHaveLength(demo.unconstrained.length);
    });
  }
});
