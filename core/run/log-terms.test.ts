import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { sample, type Sampler } from './index.js';

/** Turing 0.40's chains hold `logprior` and `loglikelihood` beside `lp`, on the constrained values, as `tilde check` splits them. */

const source = '@model function demo(x)\n    σ ~ LogNormal()\n    @addlogprob! (; logprior = -σ)\n    x ~ Normal(0, σ)\nend\n';
const logNormal = (s: number) => -Math.log(s) - 0.5 * Math.log(2 * Math.PI) - 0.5 * Math.log(s) ** 2;
const normal = (x: number, s: number) => -0.5 * Math.log(2 * Math.PI * s * s) - (x * x) / (2 * s * s);

describe('the log-density columns of the chains', () => {
  const samplers: [string, Sampler, string][] = [
    ['NUTS on a compiled tape', { sampler: 'nuts' }, 'reversediff:compile'],
    ['NUTS interpreted', { sampler: 'nuts' }, 'forwarddiff'],
    ['MH', { sampler: 'mh' }, 'forwarddiff'],
  ];
  for (const [what, sampler, ad] of samplers) {
    it(`${what}: logprior (with the @addlogprob! prior term) and loglikelihood at every draw, summing to lp`, () => {
      const p = prepare({ source, data: { text: '{"x": 1.5}', format: 'json' } });
      if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
      const chains = sample(p.value.model, p.value.args, sampler, { draws: 20, warmup: 50, chains: 1, seed: 3, ad });
      expect(chains.stats.slice(-2)).toEqual(['logprior', 'loglikelihood']);
      const [σ, lp, prior, lik] = ['σ', 'lp', 'logprior', 'loglikelihood'].map((n) => chains.draws(n, 0));
      σ!.forEach((s, i) => {
        expect(prior![i]).toBeCloseTo(logNormal(s) - s, 10);
        expect(lik![i]).toBeCloseTo(normal(1.5, s), 10);
        expect(lp![i]).toBeCloseTo(prior![i]! + lik![i]!, 10);
      });
    });
  }
});
