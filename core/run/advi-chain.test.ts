import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { diagnose, mean, sd } from '../diagnostics/index.js';
import { sample, type AdviSettings } from './index.js';

function load(source: string, data?: string) {
  const p = prepare({ source, ...(data ? { data: { text: data, format: 'json' as const } } : {}) });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  return p.value;
}

const exponential = load(`@model function scale()
  σ ~ Exponential(0.5)
end`);

const normal = load(
  `@model function location(y)
  μ ~ Normal(0, 10)
  y ~ Normal(μ, 1)
end`,
  '{"y": 1}',
);

const meanfield: AdviSettings = { sampler: 'advi' };
const options = { draws: 1000, warmup: 1000, chains: 2, seed: 11, ad: 'forwarddiff' };

describe('ADVI as a sampler kind', () => {
  it('fits a constrained parameter through its bijector, with the log-Jacobian: log σ ~ N(−log λ − ½, 1) is the exact optimum', () => {
    // For σ ~ Exponential(λ) (Distributions' scale θ = 1/λ), E_q[log p(y)] + H(q) over y = log σ is log λ + m − λ e^(m + s²/2) + log s, maximised at s = 1, m = −log λ − ½.
    const chains = sample(exponential.model, exponential.args, meanfield, { ...options, draws: 4000 });
    const draws = [...chains.draws('σ', 0), ...chains.draws('σ', 1)];
    const logs = Float64Array.from(draws, Math.log);
    expect(draws.every((v) => v > 0)).toBe(true);
    expect(mean(logs)).toBeCloseTo(-Math.log(2) - 0.5, 1);
    expect(sd(logs)).toBeCloseTo(1, 1);
    // Its ELBO there: log λ + m − λ e^(m + ½) + ½(1 + log 2π).
    expect(chains.info(0).variational!.elbo).toBeCloseTo(-1.5 + 0.5 * (1 + Math.log(2 * Math.PI)), 1);
    // The posterior of log σ has an exponential left tail, which no Gaussian covers: k̂ says so.
    expect(chains.info(0).variational!.paretoK).toBeGreaterThan(0.7);
  });

  it('names itself, reports each chain’s ELBO and Pareto k̂, and R-hat compares the chains’ fits', () => {
    const chains = sample(normal.model, normal.args, { sampler: 'advi', family: 'fullrank', samplesPerStep: 5 }, { ...options, thin: 3 });
    expect(chains.nDraws(0)).toBe(options.draws);
    const info = chains.info(1);
    expect(info.sampler).toBe('ADVI');
    expect(info.warmup).toBe(1000);
    expect(info.thin).toBe(1);
    // The posterior is Gaussian, so the optimum is exact and its ELBO the log evidence log N(1; 0, 1 + 10²).
    expect(info.variational!.elbo).toBeCloseTo(-0.5 * Math.log(2 * Math.PI * 101) - 1 / 202, 1);
    expect(info.variational!.paretoK).toBeLessThan(0.5);
    expect(chains.stats).toEqual(['lp', 'log_q', 'logprior', 'loglikelihood']);
    const { summary, warnings } = diagnose(chains);
    expect(summary.rows[0]!.rhat).toBeLessThan(1.01);
    expect(warnings.filter((w) => w.kind === 'pareto_k')).toEqual([]);
  });

  it('is reproducible with a seed, and a chain alone is as in the whole run', () => {
    const whole = sample(exponential.model, exponential.args, meanfield, options);
    const again = sample(exponential.model, exponential.args, meanfield, { ...options, chainIndices: [1] });
    expect(Array.from(again.draws('σ', 1))).toEqual(Array.from(whole.draws('σ', 1)));
    expect(Array.from(whole.draws('σ', 0))).not.toEqual(Array.from(whole.draws('σ', 1)));
  });

  it('warns when k̂ says meanfield cannot stand for a strongly correlated posterior', () => {
    const correlated = load(`@model function pair()
  x ~ Normal(0, 1)
  y ~ Normal(0.995 * x, 0.1)
end`);
    const chains = sample(correlated.model, correlated.args, meanfield, { ...options, chains: 1 });
    expect(chains.info(0).variational!.paretoK).toBeGreaterThan(0.7);
    expect(diagnose(chains).warnings.some((w) => w.kind === 'pareto_k' && w.chain === 0)).toBe(true);
  });

  it('skips the steps whose draws reach where the log density is not finite, draws again outside it, and says where', () => {
    // x may be negative under its prior, but sqrt(x) may not: a model with the wrong support.
    const wrongSupport = load(`@model function root(y)
  x ~ Normal(2, 1)
  y ~ Normal(0, sqrt(x))
end`, '{"y": 1.5}');
    const chains = sample(wrongSupport.model, wrongSupport.args, meanfield, { ...options, chains: 1, warmup: 300, draws: 100 });
    const fit = chains.info(0).variational!;
    expect(fit.skippedSteps).toBeGreaterThan(0);
    expect(fit.reason).toMatch(/sqrt/);
    expect(diagnose(chains).warnings.find((w) => w.kind === 'skipped_steps')?.message).toMatch(/^chain 1: \d+ ADVI steps skipped( and \d+ draws? drawn again)?, a draw's log density not finite \(first, line 3: /);
    // Draws of q outside the support are drawn again: every kept one has a log density.
    expect(chains.draws('x', 0).every((x) => x >= 0)).toBe(true);
  });

  it('leaves k̂ unknown for fewer than 21 draws, too few for the 5 in the tail it fits, rather than calling the fit bad', () => {
    const few = sample(normal.model, normal.args, meanfield, { ...options, chains: 1, draws: 20 });
    expect(few.info(0).variational!.paretoK).toBeNaN();
    expect(diagnose(few).warnings.filter((w) => w.kind === 'pareto_k')).toEqual([]);
    expect(sample(normal.model, normal.args, meanfield, { ...options, chains: 1, draws: 21 }).info(0).variational!.paretoK).toBeLessThan(Infinity);
  });

  it('reports its steps by time when a worker streams, not one message a step', () => {
    const reports: [string, number][] = [];
    sample(normal.model, normal.args, meanfield, { ...options, chains: 1, warmup: 500, draws: 200, batchMs: 1e9, onProgress: (p) => reports.push([p.phase, p.iteration]) });
    expect(reports).toEqual([
      ['warmup', 500],
      ['sampling', 100],
      ['sampling', 200],
    ]);
  });

  it('refuses samples per step that are not a count', () => {
    expect(() => sample(normal.model, normal.args, { sampler: 'advi', samplesPerStep: 0 }, options)).toThrow(/samples per step must be an integer ≥ 1, got 0/);
  });

  it('refuses a discrete parameter as NUTS does', () => {
    const discrete = load(`@model function counts()
  k ~ Poisson(3)
  x ~ Normal(k, 1)
end`);
    expect(() => sample(discrete.model, discrete.args, meanfield, options)).toThrow(/`k` is a discrete parameter/);
  });
});
