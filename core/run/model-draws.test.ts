import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { ModelError } from '../model/index.js';
import { predict, sample } from './index.js';

function load(source: string, data: string) {
  const p = prepare({ source, data: { text: data, format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  return p.value;
}

/** Turing's generated quantity drawn in the model: `y_rep` is returned, `z` recorded, neither is a parameter. */
const REPLICATE = [
  '@model function m(y)',
  '    μ ~ Normal(0, 1)',
  '    y ~ Normal(μ, 1)',
  '    z := rand(Normal(100, 1))',
  '    y_rep = rand(Normal(μ, 1))',
  '    return y_rep',
  'end',
].join('\n');

function lag1(x: Float64Array): number {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    den += (x[i]! - mean) ** 2;
    if (i > 0) num += (x[i]! - mean) * (x[i - 1]! - mean);
  }
  return num / den;
}

describe("a model's own draws (rand in its body)", () => {
  const fit = load(REPLICATE, '{"y": 0.5}');
  const run = (ad: string, chainIndices?: number[]) => sample(fit.model, fit.args, { sampler: 'nuts' }, { draws: 400, warmup: 200, chains: 2, seed: 3, ad, ...(chainIndices ? { chainIndices } : {}) });

  it('are generated quantities, not parameters: each kept draw draws anew, from its own stream', () => {
    const chains = run('forwarddiff');
    expect(chains.parameters).toEqual(['μ']);
    expect(chains.generated).toEqual(['z', 'return']);
    const z = chains.draws('z', 0);
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const sd = Math.sqrt(z.reduce((a, b) => a + (b - mean) ** 2, 0) / (z.length - 1));
    // N(100, 1), independent from one draw to the next (4 standard errors).
    expect(Math.abs(mean - 100)).toBeLessThan(4 / Math.sqrt(z.length));
    expect(Math.abs(sd - 1)).toBeLessThan(4 / Math.sqrt(2 * z.length));
    expect(Math.abs(lag1(z))).toBeLessThan(4 / Math.sqrt(z.length));
    // y_rep − μ is N(0, 1) whatever μ is.
    const mu = chains.draws('μ', 0);
    const diff = chains.draws('return', 0).map((y, i) => y - mu[i]!);
    expect(Math.abs(diff.reduce((a, b) => a + b, 0) / diff.length)).toBeLessThan(4 / Math.sqrt(diff.length));
    expect(chains.draws('z', 1)).not.toEqual(z);
  });

  it('are the same for the same seed and chain, whether the chain runs alone or beside others, on a compiled tape too', () => {
    const both = run('forwarddiff');
    const alone = run('forwarddiff', [1]);
    expect(alone.draws('z', 1)).toEqual(both.draws('z', 1));
    // A compiled tape's replay of the draws would repeat the recording's value at every draw.
    const compiled = run('reversediff:compile');
    expect(new Set(compiled.draws('z', 0)).size).toBe(400);
  });

  it('are drawn anew in each prior draw and each prediction', () => {
    const prior = sample(fit.model, fit.args, { sampler: 'prior' }, { draws: 50, warmup: 0, chains: 1, seed: 1 });
    expect(new Set(prior.draws('z', 0)).size).toBe(50);
    const future = load(REPLICATE, '{"y": null}');
    const predicted = predict(future.model, future.args, prior, 2);
    expect(predicted.parameters).toEqual(['y']);
    expect(new Set(predicted.draws('y', 0)).size).toBe(50);
  });

  it('are refused where they reach the log density, at the draw that does, even through a function', () => {
    const refused = (source: string, data = '{"y": 0.5}') => {
      const p = load(source, data);
      try {
        sample(p.model, p.args, { sampler: 'nuts' }, { draws: 10, warmup: 10, chains: 1, seed: 1 });
      } catch (e) {
        if (!(e instanceof ModelError)) throw e;
        return source.slice(e.span!.from, e.span!.to);
      }
      return undefined;
    };
    expect(refused('@model function m(y)\n    μ ~ Normal(0, 1)\n    u = rand()\n    y ~ Normal(μ + randn(), 1)\nend\n')).toBe('randn');
    expect(refused('noise() = 0.1 * randn()\n@model function m(y)\n    μ ~ Normal(0, 1)\n    y ~ Normal(μ + noise(), 1)\nend\n')).toBe('randn');
    // Only now and then: a coin that adds a term.
    expect(refused('@model function m(y)\n    μ ~ Normal(0, 1)\n    if rand() < 0.5\n        @addlogprob! -1\n    end\n    y ~ Normal(μ, 1)\nend\n')).toBe('rand');
    // A draw that decides which parameters there are, or makes the model stop now and then.
    expect(refused('@model function m(y)\n    μ ~ Normal(0, 1)\n    if rand() < 0.5\n        τ ~ Normal(0, 1)\n    end\n    y ~ Normal(μ, 1)\nend\n')).toBe('rand');
    expect(refused('@model function m(y)\n    μ ~ Normal(0, 1)\n    u = sqrt(rand() - 0.5)\n    y ~ Normal(μ, 1)\nend\n')).toBe('rand');
    // In a branch the discovery run does not take (μ near 0 there), but the posterior does (μ near 20): checked at the kept draw that meets it.
    expect(refused('@model function m(y)\n    μ ~ Normal(0, 1)\n    y ~ Normal(μ, 1)\n    if μ > 5\n        @addlogprob! rand()\n    end\nend\n', '{"y": 40}')).toBe('rand');
    expect(refused(REPLICATE)).toBeUndefined();
  });

  it("draw through Random's unseeded generator, and refuse a seed or a seeded generator in the model, saying why", () => {
    const withRng = load(REPLICATE.replace('rand(Normal(μ, 1))', 'rand(Random.default_rng(), Normal(μ, 1))'), '{"y": 0.5}');
    const prior = sample(withRng.model, withRng.args, { sampler: 'prior' }, { draws: 20, warmup: 0, chains: 1, seed: 1 });
    expect(new Set(prior.draws('return', 0)).size).toBe(20);
    const refusal = (line: string) => {
      const p = prepare({ source: REPLICATE.replace('    y ~', `    ${line}\n    y ~`), data: { text: '{"y": 0.5}', format: 'json' } });
      return p.ok ? undefined : p.diagnostics[0]!.message;
    };
    expect(refusal('Random.seed!(1)')).toMatch(/^`seed!` seeds Julia's global generator, which a model cannot do in Tilde/);
    expect(refusal('r = Xoshiro(1)')).toMatch(/^`Xoshiro` makes a generator seeded in the model/);
  });
});
