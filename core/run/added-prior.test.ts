import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { summarize } from '../diagnostics/index.js';
import { sample, type Sampler } from './index.js';

/**
 * Samplers that propose from the `~` priors (MH(), ESS) weigh by the rest of the density: a prior term
 * added with Turing 0.40's `@addlogprob! (; logprior = …)` belongs to that rest, as no `~` proposes from it.
 */
function mean(source: string, sampler: Sampler, name: string): { mean: number; mcse: number } {
  const p = prepare({ source, data: { text: '{}', format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
  const chains = sample(p.value.model, p.value.args, sampler, { draws: 2000, warmup: 200, chains: 4, seed: 7 });
  const r = summarize(chains).rows.find((row) => row.parameter === name)!;
  return { mean: r.mean, mcse: r.mcse_mean };
}

describe('a prior term added by hand under prior-proposal samplers', () => {
  it('MH() reaches P(z = 1) = 0.9 for a Bernoulli(0.5) tilted by @addlogprob! (; logprior = …)', () => {
    const r = mean('@model function tilted()\n    z ~ Bernoulli(0.5)\n    @addlogprob! (; logprior = z == 1 ? log(0.9) : log(0.1))\nend\n', { sampler: 'mh' }, 'z');
    expect(Math.abs(r.mean - 0.9), `mean ${r.mean}, MCSE ${r.mcse}`).toBeLessThan(4 * r.mcse);
  });

  it('ESS reaches the mean 1 of N(0, 1) × N(2, 1) when the second factor is an added prior term', () => {
    const r = mean('@model function product()\n    μ ~ Normal(0, 1)\n    @addlogprob! (; logprior = logpdf(Normal(2, 1), μ))\nend\n', { sampler: 'ess' }, 'μ');
    expect(Math.abs(r.mean - 1), `mean ${r.mean}, MCSE ${r.mcse}`).toBeLessThan(4 * r.mcse);
  });
});
