import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { summarize } from '../diagnostics/index.js';
import { missingLike, predict, sample } from './index.js';

function load(data: string) {
  const source = '@model function m(y)\n    μ ~ Normal(0, 10)\n    for i in eachindex(y)\n        y[i] ~ Normal(μ, 1)\n    end\nend\n';
  const p = prepare({ source, data: { text: data, format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  return p.value;
}

describe('predict', () => {
  it('draws the missing data given each posterior draw: y_new ~ N(μ, 1), so its mean is μ’s and its variance one more', () => {
    const fit = load('{"y": [2.1, 1.7, 2.4, 1.9, 2.2]}');
    const chains = sample(fit.model, fit.args, { sampler: 'nuts' }, { draws: 1000, warmup: 500, chains: 2, seed: 4, ad: 'forwarddiff' });
    const future = load('{"y": [null, null]}');
    const predicted = predict(future.model, future.args, chains, 11);
    expect(predicted.parameters).toEqual(['y[1]', 'y[2]']);
    const mu = summarize(chains).rows.find((r) => r.parameter === 'μ')!;
    const y1 = summarize(predicted).rows.find((r) => r.parameter === 'y[1]')!;
    const expectedSd = Math.sqrt(mu.sd ** 2 + 1);
    expect(Math.abs(y1.mean - mu.mean)).toBeLessThan(4 * y1.mcse_mean);
    expect(Math.abs(y1.sd - expectedSd)).toBeLessThan(4 * y1.mcse_sd);
  });

  it('takes a vector parameter from the chains by its elements, and draws a wholly missing vector argument', () => {
    const source = '@model function m(y)\n    β ~ MvNormal(zeros(2), I)\n    y ~ MvNormal(β, 0.01 * I)\nend\n';
    const p = (data: string) => {
      const prepared = prepare({ source, data: { text: data, format: 'json' } });
      if (!prepared.ok) throw new Error(prepared.diagnostics[0]!.message);
      return prepared.value;
    };
    const fit = p('{"y": [3.0, -2.0]}');
    const chains = sample(fit.model, fit.args, { sampler: 'nuts' }, { draws: 200, warmup: 200, chains: 1, seed: 2 });
    const future = p('{"y": [null, null]}');
    const predicted = predict(future.model, future.args, chains, 5);
    // β itself is the chains', not drawn again from its prior: only y is predicted, next to β's draws.
    expect(predicted.parameters).toEqual(['y[1]', 'y[2]']);
    const y = predicted.draws('y[1]', 0);
    const beta = chains.draws('β[1]', 0);
    for (let i = 0; i < y.length; i++) expect(Math.abs(y[i]! - beta[i]!)).toBeLessThan(0.5);
  });

  it('replicates integer data (JSON whole numbers) with the real draws of a Normal likelihood', () => {
    const fit = load('{"y": [52, 61, 48]}');
    const chains = sample(fit.model, fit.args, { sampler: 'mh' }, { draws: 5, warmup: 0, chains: 1, seed: 1 });
    const predicted = predict(fit.model, new Map([['y', missingLike(fit.args.get('y'))]]), chains, 2);
    expect(predicted.parameters).toEqual(['y[1]', 'y[2]', 'y[3]']);
    expect(Array.from(predicted.draws('y[1]', 0)).some((v) => !Number.isInteger(v))).toBe(true);
  });
});
