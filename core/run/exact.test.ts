import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { summarize, type SummaryRow } from '../diagnostics/index.js';
import { sample, type Sampler } from './index.js';

/**
 * Conjugate posteriors whose moments are known in closed form. A tolerance of 4 MCSE of the run itself
 * (not a fixed constant) fails a sampler that is biased by more than its own Monte Carlo error, and
 * passes by chance with probability ~1 − 6e-5 per check.
 */

const examples = join(import.meta.dirname, '../../resources/examples');

function rows(source: string, data: string, seed: number, sampler: Sampler = { sampler: 'nuts' }): Map<string, SummaryRow> {
  const p = prepare({ source, data: { text: data, format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
  const chains = sample(p.value.model, p.value.args, sampler, { draws: 1000, warmup: 1000, chains: 4, seed, ad: 'auto' });
  return new Map(summarize(chains).rows.map((r) => [r.parameter, r]));
}

function row(table: Map<string, SummaryRow>, name: string): SummaryRow {
  const r = table.get(name);
  if (!r) throw new Error(`no summary row for ${name}; rows are ${[...table.keys()].join(', ')}`);
  return r;
}

function expectMean(table: Map<string, SummaryRow>, name: string, exact: number): void {
  const r = row(table, name);
  expect(Math.abs(r.mean - exact), `${name}: mean ${r.mean} vs ${exact}, MCSE ${r.mcse_mean}`).toBeLessThan(4 * r.mcse_mean);
  expect(r.rhat, `${name}: R-hat`).toBeLessThan(1.01);
}

/** Only where the posterior's fourth moment is finite, else the sd's MCSE means nothing. */
function expectSd(table: Map<string, SummaryRow>, name: string, exact: number): void {
  const r = row(table, name);
  expect(Math.abs(r.sd - exact), `${name}: sd ${r.sd} vs ${exact}, MCSE ${r.mcse_sd}`).toBeLessThan(4 * r.mcse_sd);
}

describe('NUTS against closed-form posteriors', () => {
  it('gdemo: normal–inverse-gamma, E[s²] = 49/24 and E[m] = 7/6', () => {
    const t = rows(readFileSync(join(examples, 'gdemo.jl'), 'utf8'), readFileSync(join(examples, 'gdemo.json'), 'utf8'), 11);
    // s² is InverseGamma(3, 49/12) a posteriori: no fourth moment, so its sd is not checked.
    expectMean(t, 's²', 49 / 24);
    expectMean(t, 'm', 7 / 6);
    // m is 7/6 + sqrt(49/108) · t₆.
    expectSd(t, 'm', Math.sqrt((49 / 108) * (6 / 4)));
  });

  it('gdemo with Gibbs: s² from its prior by MH, m by NUTS, reaches the same closed form', () => {
    const gibbs: Sampler = { sampler: 'gibbs', blocks: [{ variables: ['s²'], sampler: 'mh' }, { variables: ['m'], sampler: 'nuts' }] };
    const t = rows(readFileSync(join(examples, 'gdemo.jl'), 'utf8'), readFileSync(join(examples, 'gdemo.json'), 'utf8'), 13, gibbs);
    expectMean(t, 's²', 49 / 24);
    expectMean(t, 'm', 7 / 6);
  });

  it('Beta(2, 2) with 8 successes in 10 Bernoulli trials is Beta(10, 4)', () => {
    const source = `
@model function coin(y)
    p ~ Beta(2, 2)
    for i in eachindex(y)
        y[i] ~ Bernoulli(p)
    end
end`;
    const t = rows(source, JSON.stringify({ y: [1, 1, 1, 1, 0, 1, 1, 1, 0, 1] }), 12);
    expectMean(t, 'p', 10 / 14);
    expectSd(t, 'p', Math.sqrt((10 * 4) / (14 ** 2 * 15)));
  });

  it('Dirichlet([3, 3]) with counts (2, 8) is Dirichlet(5, 11)', () => {
    const source = `
@model function counts_model(counts)
    θ ~ Dirichlet([3, 3])
    counts ~ Multinomial(sum(counts), θ)
end`;
    const t = rows(source, JSON.stringify({ counts: [2, 8] }), 13);
    const sd = Math.sqrt((5 * 11) / (16 ** 2 * 17));
    expectMean(t, 'θ[1]', 5 / 16);
    expectMean(t, 'θ[2]', 11 / 16);
    expectSd(t, 'θ[1]', sd);
    expectSd(t, 'θ[2]', sd);
  });

  it('N(0, 1) prior and one observation 1 ~ N(m, 0.5) give N(0.8, √0.2)', () => {
    const source = `
@model function one_observation()
    m ~ Normal(0, 1)
    1.0 ~ Normal(m, 0.5)
end`;
    const t = rows(source, '{}', 14);
    expectMean(t, 'm', 0.8);
    expectSd(t, 'm', Math.sqrt(0.2));
  });

  it('a likelihood written with an anonymous function: N(0, 1) prior, x ~ N(m, 1), is N(Σx / (n + 1), 1 / √(n + 1))', () => {
    const source = `
@model function through_lambda(x)
    m ~ Normal(0, 1)
    @addlogprob! sum(xi -> logpdf(Normal(m, 1), xi), x)
end`;
    const x = [0.3, 1.9, 1.1, 2.4];
    const t = rows(source, JSON.stringify({ x }), 15);
    expectMean(t, 'm', (0.3 + 1.9 + 1.1 + 2.4) / 5);
    expectSd(t, 'm', 1 / Math.sqrt(5));
  });
});
