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
