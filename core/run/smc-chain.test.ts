import { describe, expect, it } from 'vitest';
import { lbeta } from '../math/index.js';
import { Rng } from '../rng/index.js';
import { diagnosticWarnings, samplerDiagnostics, summarize } from '../diagnostics/index.js';
import { prepare } from '../lang/index.js';
import { bindSource } from '../testing/index.js';
import { particleDraws, sample, type Sampler } from './index.js';

/**
 * Sequential Monte Carlo and importance sampling against conjugate models, whose posterior and evidence are
 * known in closed form. Tolerances are several Monte Carlo standard errors of a 4000-particle run.
 */

const normalMean = `
@model function normal_mean(y)
    μ ~ Normal(0, 1)
    for i in eachindex(y)
        y[i] ~ Normal(μ, 1)
    end
end
`;
const y = [0.8, 1.9, 1.1, 2.4, 0.3];

/** log N(y; 0, I + 11ᵀ): the marginal of y when μ ~ N(0, 1) is integrated out (Sherman–Morrison and the determinant lemma). */
function normalEvidence(ys: readonly number[]): number {
  const n = ys.length;
  const sum = ys.reduce((a, b) => a + b, 0);
  const squares = ys.reduce((a, b) => a + b * b, 0);
  return -0.5 * n * Math.log(2 * Math.PI) - 0.5 * Math.log(1 + n) - 0.5 * (squares - (sum * sum) / (1 + n));
}

const coin = `
@model function coin(y)
    p ~ Beta(2, 2)
    y .~ Bernoulli(p)
end
`;
const flips = [1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1];

function column(draws: Float64Array, d: number, k: number, map: (x: number) => number = (x) => x): number[] {
  return Array.from({ length: draws.length / d }, (_, i) => map(draws[i * d + k]!));
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('SMC and IS against conjugate posteriors', () => {
  const normal = bindSource(normalMean, JSON.stringify({ y })).bound;
  const beta = bindSource(coin, JSON.stringify({ y: flips })).bound;
  const k = flips.reduce((a, b) => a + b, 0);
  const n = flips.length;

  it.each(['smc', 'is'] as const)('%s: a normal mean, its posterior N(Σy/(n+1), 1/(n+1)) and the evidence', (method) => {
    const { draws, lp, fit } = particleDraws(normal, method, 4000, Rng.seeded(7));
    const mu = column(draws, 1, 0);
    // Posterior sd 0.41; 4000 particles leave a standard error near 0.01 even at a few hundred effective ones.
    expect(mean(mu)).toBeCloseTo(y.reduce((a, b) => a + b, 0) / 6, 1);
    expect(Math.abs(mean(mu.map((m) => (m - mean(mu)) ** 2)) - 1 / 6)).toBeLessThan(0.02);
    expect(Math.abs(fit.logEvidence - normalEvidence(y))).toBeLessThan(0.05);
    expect(lp).toHaveLength(4000);
    expect(fit.particles).toBe(4000);
    if (method === 'is') expect(fit.resamplings).toBe(0);
    else expect(fit.resamplings).toBeGreaterThan(0);
  });

  it.each(['smc', 'is'] as const)('%s: a coin’s Beta(2 + k, 2 + n − k) posterior and its evidence B(2 + k, 2 + n − k)/B(2, 2)', (method) => {
    const { draws, fit } = particleDraws(beta, method, 4000, Rng.seeded(3));
    // The unconstrained coordinate is logit(p).
    const p = column(draws, 1, 0, (x) => 1 / (1 + Math.exp(-x)));
    expect(Math.abs(mean(p) - (2 + k) / (4 + n))).toBeLessThan(0.01);
    expect(Math.abs(fit.logEvidence - (lbeta(2 + k, 2 + n - k) - lbeta(2, 2)))).toBeLessThan(0.05);
    expect(fit.effectiveParticles).toBeGreaterThan(100);
    expect(fit.effectiveParticles).toBeLessThanOrEqual(4000);
  });

  it('gives the same draws for the same seed', () => {
    const a = particleDraws(normal, 'smc', 200, Rng.seeded(11));
    const b = particleDraws(normal, 'smc', 200, Rng.seeded(11));
    expect(Array.from(a.draws)).toEqual(Array.from(b.draws));
    expect(a.fit.logEvidence).toBe(b.fit.logEvidence);
  });

  it('refuses an improper prior, which particles cannot be drawn from, and data no prior draw can explain', () => {
    const flat = bindSource('@model function f(y)\n    μ ~ Flat()\n    y ~ Normal(μ, 1)\nend\n', JSON.stringify({ y: 1 })).bound;
    expect(() => particleDraws(flat, 'smc', 10, Rng.seeded(1))).toThrow(/Flat/);
    const impossible = bindSource('@model function f(y)\n    p ~ Uniform(0, 0.5)\n    y ~ Uniform(p + 1, p + 2)\nend\n', JSON.stringify({ y: 0.2 })).bound;
    expect(() => particleDraws(impossible, 'is', 10, Rng.seeded(1))).toThrow(/every one of the 10 particles has weight zero/);
  });
});

describe('SMC and IS as samplers of a run', () => {
  function run(source: string, data: unknown, sampler: Sampler, draws: number) {
    const p = prepare({ source, data: { text: JSON.stringify(data), format: 'json' } });
    if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
    const chains = sample(p.value.model, p.value.args, sampler, { draws, warmup: 500, chains: 2, seed: 5 });
    const diagnostics = samplerDiagnostics(chains);
    return { chains, diagnostics, warnings: diagnosticWarnings(summarize(chains), diagnostics, 2) };
  }

  it('each chain is one run of as many particles as draws, with no warm-up, its evidence and its distinct draws', () => {
    const { chains, diagnostics } = run(coin, { y: flips }, { sampler: 'smc' }, 1000);
    for (const c of [0, 1]) {
      const info = chains.info(c);
      expect(info.sampler).toBe('SMC');
      expect(info.warmup).toBe(0);
      expect(info.particles?.particles).toBe(1000);
      expect(info.settings?.['log_evidence']).toBe(info.particles?.logEvidence);
      const distinct = info.particles!.distinctDraws;
      expect(distinct).toBeGreaterThan(1);
      expect(distinct).toBeLessThanOrEqual(1000);
      expect(diagnostics[c]!.particles).toEqual(info.particles);
    }
    // Two independent runs: different particles, the same evidence up to Monte Carlo error.
    expect(chains.info(0).particles!.logEvidence).not.toBe(chains.info(1).particles!.logEvidence);
    expect(Math.abs(chains.info(0).particles!.logEvidence - chains.info(1).particles!.logEvidence)).toBeLessThan(0.2);
  });

  it('warns when the draws are copies of a few particles: importance sampling far from the prior', () => {
    const sharp = `
@model function sharp(y)
    μ ~ Normal(0, 10)
    y ~ Normal(μ, 0.01)
end
`;
    const { warnings } = run(sharp, { y: 3 }, { sampler: 'is' }, 200);
    const particles = warnings.filter((w) => w.kind === 'particles');
    expect(particles).toHaveLength(2);
    expect(particles[0]!.message).toMatch(/distinct draws among 200 particles, .* effective at the end, so its ESS and R-hat count copies; the posterior is far from the prior IS draws from: use SMC/);
    expect(run(coin, { y: flips }, { sampler: 'is' }, 400).warnings.filter((w) => w.kind === 'particles')).toHaveLength(0);
    // One particle's copies are not a chain stuck at its start: only the particle run's own warning speaks.
    const one = run(sharp, { y: 3 }, { sampler: 'is' }, 3).warnings;
    expect(one.filter((w) => w.kind === 'stuck')).toHaveLength(0);
  });
});
