import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { randBeta, randGamma, type Rng } from '../rng/index.js';
import { rankUniformity, replicationRng, sbcRank, thinByEss, twoStateHmm, type RankUniformity } from '../testing/index.js';
import { sample, type Sampler } from './index.js';

/**
 * Simulation-based calibration (Talts et al. 2018) of NUTS and MH on small models. Each replication
 * draws θ* from the prior and y* from the model in TypeScript, samples the posterior given y* from
 * fixed seeds, and ranks θ* among L draws thinned by the chain's ESS. With 200 replications in 10 bins
 * and α = 0.001, a correct sampler fails a check with probability 0.001 whenever the streams change,
 * while a posterior as miscalibrated as the negative control's (z-scores of θ* with variance 2.3, not
 * 1) fails with probability 0.995; one with variance 1.3 (a prior 0.7 as wide) would pass 97 % of the
 * time, so these checks catch gross errors (a lost Jacobian, a wrong acceptance ratio), not small ones.
 */

const REPLICATIONS = 200;
const L = 49;
const BINS = 10;
const ALPHA = 0.001;
const TIMEOUT = 180_000;

interface SbcModel {
  source: string;
  parameters: readonly string[];
  simulate: (rng: Rng) => { truth: Record<string, number>; data: Record<string, number[]> };
}

const normalMean = (priorSd: number): SbcModel => ({
  source: `@model function normal_mean(y)
    mu ~ Normal(0, ${priorSd})
    for i in eachindex(y)
        y[i] ~ Normal(mu, 1)
    end
end`,
  parameters: ['mu'],
  // θ* always comes from Normal(0, 1): the model's own prior differs only in the negative control.
  simulate: (rng) => {
    const mu = rng.normal();
    return { truth: { mu }, data: { y: Array.from({ length: 5 }, () => mu + rng.normal()) } };
  },
});

const betaBernoulli: SbcModel = {
  source: `@model function coin(y)
    p ~ Beta(2, 2)
    for i in eachindex(y)
        y[i] ~ Bernoulli(p)
    end
end`,
  parameters: ['p'],
  simulate: (rng) => {
    const p = randBeta(rng, 2, 2);
    return { truth: { p }, data: { y: Array.from({ length: 10 }, () => (rng.uniform() < p ? 1 : 0)) } };
  },
};

/** Turing's gdemo: unknown mean and variance, the variance constrained and the mean's prior depending on it. */
const gdemo: SbcModel = {
  source: `@model function gdemo(x)
    s² ~ InverseGamma(2, 3)
    m ~ Normal(0, sqrt(s²))
    for i in eachindex(x)
        x[i] ~ Normal(m, sqrt(s²))
    end
end`,
  parameters: ['s²', 'm'],
  simulate: (rng) => {
    // InverseGamma(α, θ) is θ / Gamma(α, 1).
    const s2 = 3 / randGamma(rng, 2, 1);
    const m = Math.sqrt(s2) * rng.normal();
    return { truth: { 's²': s2, m }, data: { x: Array.from({ length: 5 }, () => m + Math.sqrt(s2) * rng.normal()) } };
  },
};

/**
 * A two-state hidden Markov model whose first state's mean is unknown: particle Gibbs alone draws μ (before any
 * observation) and the states (one between each), so μ's rank tests the whole conditional SMC sweep, its
 * resampling and the draws a kept particle made ahead.
 */
const hiddenMarkov: SbcModel = {
  source: twoStateHmm(1),
  parameters: ['μ'],
  simulate: (rng) => {
    const mu = rng.normal();
    let s = rng.uniform() < 0.5 ? 1 : 2;
    const y: number[] = [];
    for (let t = 0; t < 6; t++) {
      if (t > 0) s = rng.uniform() < (s === 1 ? 0.8 : 0.3) ? 1 : 2;
      y.push((s === 1 ? mu : 1) + rng.normal());
    }
    return { truth: { μ: mu }, data: { y } };
  },
};

interface Calibration {
  tests: Record<string, RankUniformity>;
  /** Replications whose chain was too short to thin as far as its ESS asked. */
  short: number;
}

function calibrate(model: SbcModel, sampler: Sampler, run: { warmup: number; draws: number }, seed: number): Calibration {
  const ranks: Record<string, number[]> = Object.fromEntries(model.parameters.map((p) => [p, []]));
  let short = 0;
  for (let r = 0; r < REPLICATIONS; r++) {
    const { truth, data } = model.simulate(replicationRng(seed, r));
    const prepared = prepare({ source: model.source, data: { text: JSON.stringify(data), format: 'json' } });
    if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
    const chains = sample(prepared.value.model, prepared.value.args, sampler, { ...run, chains: 1, seed: seed * REPLICATIONS + r, ad: 'reversediff:compile' });
    for (const name of model.parameters) {
      const thinned = thinByEss(chains.draws(name, 0), L);
      if (thinned.short) short++;
      ranks[name]!.push(sbcRank(thinned.draws, truth[name]!));
    }
  }
  return { tests: Object.fromEntries(model.parameters.map((p) => [p, rankUniformity(ranks[p]!, L, BINS)])), short };
}

function describeTest(name: string, t: RankUniformity, short: number): string {
  return `${name}: bins ${t.counts.join(' ')}, χ²(${t.df}) = ${t.statistic.toFixed(1)}, p = ${t.pValue.toExponential(2)}; ${short} chains too short to thin fully`;
}

function expectCalibrated(c: Calibration): void {
  for (const [name, t] of Object.entries(c.tests)) expect(t.pValue, describeTest(name, t, c.short)).toBeGreaterThan(ALPHA);
}

const NUTS: Sampler = { sampler: 'nuts' };
const SHORT_NUTS = { warmup: 150, draws: 400 };

describe('simulation-based calibration', () => {
  it('NUTS on a normal mean with a conjugate prior', () => expectCalibrated(calibrate(normalMean(1), NUTS, SHORT_NUTS, 1)), TIMEOUT);

  it('MH with prior proposals on a normal mean with a conjugate prior', () => {
    // Prior proposals accept rarely when θ* sits in the prior's tail, hence the longer chains.
    expectCalibrated(calibrate(normalMean(1), { sampler: 'mh' }, { warmup: 100, draws: 600 }, 2));
  }, TIMEOUT);

  it('NUTS on Beta–Bernoulli, through the logit transform', () => expectCalibrated(calibrate(betaBernoulli, NUTS, SHORT_NUTS, 3)), TIMEOUT);

  it('random-walk MH on Beta–Bernoulli, whose acceptance needs the logit’s Jacobian', () => {
    expectCalibrated(calibrate(betaBernoulli, { sampler: 'mh', proposal: 'random-walk', scale: 1 }, { warmup: 100, draws: 800 }, 4));
  }, TIMEOUT);

  it('particle Gibbs alone on a hidden Markov model', () => {
    expectCalibrated(calibrate(hiddenMarkov, { sampler: 'pg', particles: 5 }, { warmup: 50, draws: 400 }, 6));
  }, TIMEOUT);

  it('NUTS on gdemo, both the variance and the mean', () => expectCalibrated(calibrate(gdemo, NUTS, SHORT_NUTS, 5)), TIMEOUT);

  // A posterior that ignored half the data would pass: it is the exact posterior given the other half.
  it('fails a model whose prior is half as wide as the one θ* was drawn from', () => {
    const { tests, short } = calibrate(normalMean(0.5), NUTS, SHORT_NUTS, 1);
    const t = tests['mu']!;
    expect(t.pValue, describeTest('mu', t, short)).toBeLessThan(ALPHA);
  }, TIMEOUT);
});
