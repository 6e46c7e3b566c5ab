import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { summarize } from '../diagnostics/index.js';
import { sample } from './index.js';

function model(source: string, data: Record<string, unknown>) {
  const p = prepare({ source, data: { text: JSON.stringify(data), format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  return p.value;
}

/** y ~ N(μ, 1.5²) with μ ~ N(1, τ²): given τ, μ's posterior is normal in closed form. */
const HIERARCHY = '@model function m(y)\n    τ ~ InverseGamma(3, 4)\n    μ ~ Normal(1, τ)\n    for i in eachindex(y)\n        y[i] ~ Normal(μ, 1.5)\n    end\nend\n';
const Y = [0.2, -0.5, 0.9, 0.1, 2.3];

describe("ESS as a Gibbs block (Turing's `:β => ESS()`)", () => {
  it('moves its variables under their Gaussian prior given the others: with τ fixed by its own block, μ has the conjugate posterior', () => {
    const { model: m, args } = model(HIERARCHY.replace('τ ~ InverseGamma(3, 4)', 'τ = 2.0'), { y: Y });
    const chains = sample(m, args, { sampler: 'gibbs', blocks: [{ variables: ['μ'], sampler: 'ess' }] }, { draws: 4000, warmup: 0, chains: 2, seed: 3 });
    const precision = 1 / 4 + Y.length / 2.25;
    const mean = (1 / 4 + Y.reduce((a, b) => a + b, 0) / 2.25) / precision;
    const row = summarize(chains).rows.find((r) => r.parameter === 'μ')!;
    expect(Math.abs(row.mean - mean)).toBeLessThan(4 * row.mcse_mean);
    expect(Math.abs(row.sd - Math.sqrt(1 / precision))).toBeLessThan(0.03);
  });

  it('beside an MH block for the prior scale, μ | τ stays Gaussian: the joint matches NUTS', () => {
    const { model: m, args } = model(HIERARCHY, { y: Y });
    const gibbs = sample(m, args, { sampler: 'gibbs', blocks: [{ variables: ['τ'], sampler: 'mh' }, { variables: ['μ'], sampler: 'ess' }] }, { draws: 4000, warmup: 500, chains: 2, seed: 5 });
    const nuts = sample(m, args, { sampler: 'nuts' }, { draws: 4000, warmup: 1000, chains: 2, seed: 5 });
    const [g, n] = [gibbs, nuts].map((c) => summarize(c).rows.find((r) => r.parameter === 'μ')!);
    expect(Math.abs(g!.mean - n!.mean)).toBeLessThan(4 * Math.hypot(g!.mcse_mean, n!.mcse_mean));
  });

  it("moves a GP's latent values under their prior f(x, jitter), the sampler's first use: the Gaussian posterior K(K + σ²I)⁻¹y", () => {
    const source = 'using AbstractGPs\n@model function m(x, y)\n    f = GP(SEKernel())\n    f_latent ~ f(x, 1e-6)\n    y ~ MvNormal(f_latent, 0.25 * I)\nend\n';
    const { model: m, args } = model(source, { x: [0, 1], y: [0.5, -0.3] });
    const chains = sample(m, args, { sampler: 'gibbs', blocks: [{ variables: ['f_latent'], sampler: 'ess' }] }, { draws: 4000, warmup: 0, chains: 2, seed: 7 });
    const [a, b] = [1 + 1e-6, Math.exp(-0.5)];
    // (K + σ²I)⁻¹ y by the 2 × 2 adjugate, then K times it.
    const [c, det] = [a + 0.25, (a + 0.25) ** 2 - b * b];
    const w = [(c * 0.5 - b * -0.3) / det, (c * -0.3 - b * 0.5) / det];
    const mean = [a * w[0]! + b * w[1]!, b * w[0]! + a * w[1]!];
    const rows = summarize(chains).rows;
    mean.forEach((m, i) => {
      const row = rows.find((r) => r.parameter === `f_latent[${i + 1}]`)!;
      expect(Math.abs(row.mean - m)).toBeLessThan(4 * row.mcse_mean);
    });
  });

  it('refuses a block whose prior is not Gaussian, or depends on the block itself, naming the variable', () => {
    const { model: m, args } = model(HIERARCHY, { y: Y });
    const run = (variables: string[]) => () => sample(m, args, { sampler: 'gibbs', blocks: [{ variables, sampler: 'ess' }] }, { draws: 5, warmup: 0, chains: 1, seed: 1 });
    expect(run(['τ', 'μ'])).toThrow("ESS needs a Gaussian prior (Normal, MvNormal or a GP's f(x)) on each variable of its block, but `τ` has a InverseGamma prior");
    const chained = model('@model function m(y)\n    a ~ Normal(0, 1)\n    b ~ Normal(a, 1)\n    y ~ Normal(b, 1)\nend\n', { y: 0.5 });
    expect(() => sample(chained.model, chained.args, { sampler: 'gibbs', blocks: [{ variables: ['a', 'b'], sampler: 'ess' }] }, { draws: 5, warmup: 0, chains: 1, seed: 1 })).toThrow(
      'ESS needs its block\'s Gaussian prior to depend only on variables outside the block (a, b)',
    );
  });
});
