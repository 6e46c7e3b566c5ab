import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { summarize, type SummaryRow } from '../diagnostics/index.js';
import { twoStateHmm } from '../testing/index.js';
import { sample, type Sampler } from './index.js';

/**
 * Particle Gibbs against posteriors enumerated exactly: a two-state hidden Markov model whose 2⁵ state paths
 * are summed by hand. Tolerances are 4 MCSE of the run itself, as in exact.test.ts.
 */

const y = [-1.2, 0.3, 1.5, -0.4, 0.9];

const hmm = twoStateHmm(2);

function normalPdf(x: number, mean: number, sd: number): number {
  return Math.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
}

/** E[s[t]] for every t and E[μ], by enumerating the state paths and integrating μ on a fine grid. */
function exactMeans(fixedMu?: number): { states: number[]; mu: number } {
  const T = y.length;
  const grid = fixedMu === undefined ? Array.from({ length: 4001 }, (_, i) => -10 + i * 0.005) : [fixedMu];
  const states = new Array<number>(T).fill(0);
  let total = 0;
  let muSum = 0;
  for (const mu of grid) {
    const prior = fixedMu === undefined ? normalPdf(mu, 0, 2) : 1;
    for (let path = 0; path < 1 << T; path++) {
      const s = Array.from({ length: T }, (_, t) => ((path >> t) & 1) + 1);
      let p = prior * 0.5;
      for (let t = 0; t < T; t++) {
        if (t > 0) p *= s[t - 1]! === 1 ? (s[t] === 1 ? 0.8 : 0.2) : s[t] === 1 ? 0.3 : 0.7;
        p *= normalPdf(y[t]!, s[t] === 1 ? mu : 1, 1);
      }
      total += p;
      muSum += p * mu;
      s.forEach((v, t) => (states[t]! += p * v));
    }
  }
  return { states: states.map((v) => v / total), mu: muSum / total };
}

function rows(sampler: Sampler, data: Record<string, unknown>, seed: number): Map<string, SummaryRow> {
  const p = prepare({ source: hmm, data: { text: JSON.stringify(data), format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
  const chains = sample(p.value.model, p.value.args, sampler, { draws: 1500, warmup: 200, chains: 4, seed });
  return new Map(summarize(chains).rows.map((r) => [r.parameter, r]));
}

function expectMean(table: Map<string, SummaryRow>, name: string, exact: number): void {
  const r = table.get(name);
  if (!r) throw new Error(`no row ${name}`);
  expect(Math.abs(r.mean - exact), `${name}: mean ${r.mean} vs ${exact}, MCSE ${r.mcse_mean}`).toBeLessThan(4 * r.mcse_mean);
  expect(r.rhat, `${name}: R-hat`).toBeLessThan(1.01);
}

describe('particle Gibbs (PG)', () => {
  it('Gibbs(:s => PG(3), :μ => NUTS()) reaches the enumerated posterior of a hidden Markov model', () => {
    const sampler: Sampler = { sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'pg', particles: 3 }, { variables: ['μ'], sampler: 'nuts' }] };
    const t = rows(sampler, { y }, Number(process.env.PGSEED ?? 3));
    const exact = exactMeans();
    exact.states.forEach((e, i) => expectMean(t, `s[${i + 1}]`, e));
    expectMean(t, 'μ', exact.mu);
  });

  it('PG(3) alone samples every variable, continuous ones too', () => {
    const t = rows({ sampler: 'pg', particles: 3 }, { y }, Number(process.env.PGSEED ?? 5));
    const exact = exactMeans();
    exact.states.forEach((e, i) => expectMean(t, `s[${i + 1}]`, e));
    expectMean(t, 'μ', exact.mu);
  });
});

describe('samplers that draw from the prior refuse an improper one', () => {
  const source = `
@model function flat_mean(y)
    σ ~ Exponential(1)
    μ ~ Flat()
    for i in eachindex(y)
        y[i] ~ Normal(μ, σ)
    end
end`;
  const p = prepare({ source, data: { text: JSON.stringify({ y: [3.1, 2.7, 3.5, 2.9] }), format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
  const { model, args } = p.value;
  const run = (sampler: Sampler) => () => sample(model, args, sampler, { draws: 20, warmup: 0, chains: 1, seed: 1 });

  // Its draws only pick a start: weighing them gave a wrong posterior without a word (PG's and MH's mean of μ 1.83 for 3.05).
  it('PG, alone or as the block of a Flat variable, names it', () => {
    expect(run({ sampler: 'pg', particles: 5 })).toThrow(/particle Gibbs draws `μ`.*\(Flat\) is improper/);
    expect(run({ sampler: 'gibbs', blocks: [{ variables: ['μ'], sampler: 'pg' }, { variables: ['σ'], sampler: 'nuts' }] })).toThrow(/`μ`.*improper/);
  });

  it('MH from the prior, alone or as a block, names it', () => {
    expect(run({ sampler: 'mh' })).toThrow(/MH draws `μ`.*\(Flat\) is improper/);
    expect(run({ sampler: 'gibbs', blocks: [{ variables: ['μ'], sampler: 'mh' }, { variables: ['σ'], sampler: 'nuts' }] })).toThrow(/MH draws `μ`.*improper/);
  });

  it('a Flat variable sampled by NUTS beside a PG or MH block is fine', () => {
    expect(run({ sampler: 'gibbs', blocks: [{ variables: ['σ'], sampler: 'pg' }, { variables: ['μ'], sampler: 'nuts' }] })).not.toThrow();
    expect(run({ sampler: 'gibbs', blocks: [{ variables: ['σ'], sampler: 'mh' }, { variables: ['μ'], sampler: 'nuts' }] })).not.toThrow();
  });
});

describe('particle Gibbs and a model whose parameters depend on its draws', () => {
  // Every particle that took the other branch met `b`, was weighed zero for it, and the chain stayed at k = 1
  // without a word, where the posterior puts k = 2 at 0.98.
  it('names the parameter a particle met that the first run did not have', () => {
    const source = `
@model function branch(y)
    k ~ Categorical([0.5, 0.5])
    if k == 1
        a ~ Normal(0, 1)
        y ~ Normal(a, 1)
    else
        b ~ Normal(5, 1)
        y ~ Normal(b, 1)
    end
end`;
    const p = prepare({ source, data: { text: '{"y": 4.0}', format: 'json' } });
    if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
    const run = () => sample(p.value.model, p.value.args, { sampler: 'pg', particles: 10 }, { draws: 50, warmup: 0, chains: 1, seed: 1, init: { k: 1, a: 0 } });
    expect(run).toThrow(/particle Gibbs met `b`, which the model's first run did not have/);
  });
});

describe('particle Gibbs through a submodel and @addlogprob!', () => {
  // w's Beta(8, 2) prior is written as a term of the joint over a Uniform draw: particles drawn from the Uniform
  // are right only if the term enters their weights. The labels are drawn in a submodel, each before its observation.
  const source = `
@model function labels(y, w)
    z = zeros(Int, length(y))
    for i in eachindex(y)
        z[i] ~ Bernoulli(w)
        y[i] ~ Normal(z[i] == 1 ? 2.0 : -1.0, 1.0)
    end
end
@model function mixture(y)
    w ~ Uniform(0, 1)
    @addlogprob! logpdf(Beta(8, 2), w)
    a ~ to_submodel(labels(y, w))
end`;
  const ys = [0.3, 2.5, -1.2, 1.1, 0.4];

  /** E[w] and E[z[i]] on a grid of w: given w the labels are independent. */
  function exact(): { w: number; z: number[] } {
    let total = 0;
    let wSum = 0;
    const z = ys.map(() => 0);
    for (let k = 1; k < 20000; k++) {
      const w = k / 20000;
      const one = ys.map((x) => w * normalPdf(x, 2, 1));
      const both = ys.map((x, i) => one[i]! + (1 - w) * normalPdf(x, -1, 1));
      const p = w ** 7 * (1 - w) * both.reduce((a, b) => a * b, 1);
      total += p;
      wSum += p * w;
      ys.forEach((_, i) => (z[i]! += (p * one[i]!) / both[i]!));
    }
    return { w: wSum / total, z: z.map((v) => v / total) };
  }

  it('PG(10) alone reaches the enumerated posterior', () => {
    const p = prepare({ source, data: { text: JSON.stringify({ y: ys }), format: 'json' } });
    if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
    const chains = sample(p.value.model, p.value.args, { sampler: 'pg', particles: 10 }, { draws: 1500, warmup: 200, chains: 4, seed: Number(process.env.PGSEED ?? 7) });
    const t = new Map(summarize(chains).rows.map((r) => [r.parameter, r]));
    const e = exact();
    expectMean(t, 'w', e.w);
    e.z.forEach((v, i) => expectMean(t, `a.z[${i + 1}]`, v));
  });
});

describe('particle Gibbs and a likelihood written as @addlogprob! terms', () => {
  // Each label's likelihood is an @addlogprob! term right after its draw, as capture–recapture models add each
  // row's by hand. Resampled only at the model's end, 10 particles of 12 labels from the prior never beat the
  // reference: the labels stood still.
  const source = `
@model function labels(y)
    z = zeros(Int, length(y))
    for i in eachindex(y)
        z[i] ~ Bernoulli(0.5)
        @addlogprob! logpdf(Normal(z[i] == 1 ? 2.0 : -1.0, 1.0), y[i])
    end
end`;
  const ys = Array.from({ length: 12 }, (_, i) => -0.5 + (2 * i) / 11);

  it('PG(10) resamples at each term and reaches the exact posterior of every label', () => {
    const p = prepare({ source, data: { text: JSON.stringify({ y: ys }), format: 'json' } });
    if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
    const chains = sample(p.value.model, p.value.args, { sampler: 'pg', particles: 10 }, { draws: 400, warmup: 100, chains: 4, seed: 3 });
    const t = new Map(summarize(chains).rows.map((r) => [r.parameter, r]));
    ys.forEach((x, i) => {
      const one = normalPdf(x, 2, 1);
      const r = t.get(`z[${i + 1}]`)!;
      // Early labels share the reference's ancestry more often (path degeneracy): judged by ESS, not R-hat < 1.01.
      expect(r.ess_bulk, `z[${i + 1}]: bulk ESS`).toBeGreaterThan(250);
      expect(Math.abs(r.mean - one / (one + normalPdf(x, -1, 1))), `z[${i + 1}]: mean ${r.mean}, MCSE ${r.mcse_mean}`).toBeLessThan(4 * r.mcse_mean);
    });
  });
});

describe('particle Gibbs and a prior term written as @addlogprob! (; logprior = …)', () => {
  it('PG weighs the particles by the added prior term, as by a likelihood term: P(z = 1) = 0.9, not the `~` prior 0.5', () => {
    const source = '@model function tilted()\n    z ~ Bernoulli(0.5)\n    @addlogprob! (; logprior = z == 1 ? log(0.9) : log(0.1))\nend\n';
    const p = prepare({ source, data: { text: '{}', format: 'json' } });
    if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
    const chains = sample(p.value.model, p.value.args, { sampler: 'pg', particles: 10 }, { draws: 400, warmup: 100, chains: 4, seed: 5 });
    const r = summarize(chains).rows.find((row) => row.parameter === 'z')!;
    expect(Math.abs(r.mean - 0.9), `z: mean ${r.mean}, MCSE ${r.mcse_mean}`).toBeLessThan(4 * r.mcse_mean);
  });
});
