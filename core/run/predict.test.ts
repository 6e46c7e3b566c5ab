import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { summarize } from '../diagnostics/index.js';
import { predict, sample } from './index.js';

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
});
