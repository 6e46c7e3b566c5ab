import { describe, expect, it } from 'vitest';
import type { DrawsMatrix } from '../../chains/index.js';
import { lgamma } from '../../math/index.js';
import { Rng } from '../../rng/index.js';
import type { DensityTarget } from '../gibbs/index.js';
import { expectMean, expectMoments, mapDraws, run } from '../gibbs/test-support.js';
import { randomWalkMH, randomWalkProposal } from './index.js';

const gaussian1 = (mu: number, sd: number): DensityTarget => ({
  dimension: 1,
  logdensity: (x) => -0.5 * ((x[0]! - mu) / sd) ** 2,
});

/** N(μ, Σ) with Σ = [[s1², ρ s1 s2], [ρ s1 s2, s2²]]. */
function gaussian2(mu: [number, number], s: [number, number], rho: number): DensityTarget {
  return {
    dimension: 2,
    logdensity: (x) => {
      const a = (x[0]! - mu[0]) / s[0];
      const b = (x[1]! - mu[1]) / s[1];
      return (-0.5 * (a * a - 2 * rho * a * b + b * b)) / (1 - rho * rho);
    },
  };
}

describe('random-walk MH', () => {
  it('recovers a 1-d Gaussian’s mean and variance', () => {
    const proposal = randomWalkProposal(1, { covariance: [4], scale: 2.4 });
    const { coordinates, infos } = run(randomWalkMH, gaussian1(3, 2), proposal, Float64Array.of(0), { seed: 1, chains: 4, draws: 3000, warmup: 200 });
    expectMoments(coordinates[0]!, 3, 4, 'x');
    const rate = infos.reduce((s, i) => s + i.acceptance_rate, 0) / infos.length;
    expect(rate).toBeGreaterThan(0.3);
    expect(rate).toBeLessThan(0.6);
  });

  it('recovers a correlated 2-d Gaussian with a dense proposal covariance', () => {
    const [s1, s2, rho] = [1, 2, 0.8];
    const covariance = [s1 * s1, rho * s1 * s2, rho * s1 * s2, s2 * s2];
    const proposal = randomWalkProposal(2, { covariance, scale: 2.38 / Math.SQRT2 });
    const { coordinates } = run(randomWalkMH, gaussian2([1, -2], [s1, s2], rho), proposal, Float64Array.of(0, 0), { seed: 2, chains: 4, draws: 3000, warmup: 200 });
    const [x, y] = coordinates as [DrawsMatrix, DrawsMatrix];
    expectMoments(x, 1, s1 * s1, 'x');
    expectMoments(y, -2, s2 * s2, 'y');
    const product = { ...x, data: x.data.map((v, k) => (v - 1) * (y.data[k]! + 2)) };
    expectMean(product, rho * s1 * s2, 'covariance');
  });

  it('moves a discrete Poisson count by integer steps beside its continuous rate', () => {
    // k ~ Poisson(λ), λ ~ Gamma(2, 1), sampled as (k, η = log λ) with the log-Jacobian η: E[λ] = E[k] = 2.
    const target: DensityTarget = {
      dimension: 2,
      discrete: [true, false],
      logdensity: (x) => {
        const k = x[0]!;
        const eta = x[1]!;
        if (k < 0) return -Infinity;
        return k * eta - Math.exp(eta) - lgamma(k + 1) + eta - Math.exp(eta) + eta;
      },
    };
    const proposal = randomWalkProposal(2, { scale: 1 });
    const { coordinates, infos } = run(randomWalkMH, target, proposal, Float64Array.of(1, 0), { seed: 3, chains: 4, draws: 5000, warmup: 300 });
    const [k, eta] = coordinates as [DrawsMatrix, DrawsMatrix];
    expect(k.data.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    // Var k = E λ + Var λ = 4, Var λ = 2.
    expectMoments(k, 2, 4, 'k');
    expectMoments(mapDraws(eta, Math.exp), 2, 2, 'λ');
    expect(infos.some((i) => i.is_accept)).toBe(true);
  });

  it('is deterministic: the same seed gives the same draws, another seed others', () => {
    const proposal = randomWalkProposal(2);
    const target = gaussian2([0, 0], [1, 1], 0.5);
    const options = { seed: 7, chains: 2, draws: 200, warmup: 0 };
    const a = run(randomWalkMH, target, proposal, Float64Array.of(0, 0), options);
    const b = run(randomWalkMH, target, proposal, Float64Array.of(0, 0), options);
    const c = run(randomWalkMH, target, proposal, Float64Array.of(0, 0), { ...options, seed: 8 });
    expect(b.coordinates[0]!.data).toEqual(a.coordinates[0]!.data);
    expect(b.coordinates[1]!.data).toEqual(a.coordinates[1]!.data);
    expect(b.infos).toEqual(a.infos);
    expect(c.coordinates[0]!.data).not.toEqual(a.coordinates[0]!.data);
  });

  it('rejects proposals where the target throws or is not finite, and records what was thrown', () => {
    const target: DensityTarget = {
      dimension: 1,
      logdensity: (x) => {
        if (x[0]! > 1) throw new Error('σ must be positive, got -1');
        if (x[0]! < -1) return Infinity;
        return 0;
      },
    };
    const { coordinates, infos } = run(randomWalkMH, target, randomWalkProposal(1), Float64Array.of(0), { seed: 4, chains: 1, draws: 500, warmup: 0 });
    expect(coordinates[0]!.data.every((x) => x >= -1 && x <= 1)).toBe(true);
    const thrown = infos.filter((i) => i.error !== undefined);
    expect(thrown.length).toBeGreaterThan(0);
    expect(thrown.every((i) => !i.is_accept && i.acceptance_rate === 0 && i.error === 'σ must be positive, got -1')).toBe(true);
    expect(infos.filter((i) => !i.is_accept && i.error === undefined && i.acceptance_rate === 0).length).toBeGreaterThan(0);
  });

  it('leaves a start outside the support for the first finite proposal', () => {
    const target: DensityTarget = { dimension: 1, logdensity: (x) => (x[0]! > 0 ? -x[0]! : NaN) };
    let state = randomWalkMH.init(Float64Array.of(-0.5), target);
    const rng = Rng.seeded(5);
    for (let t = 0; t < 50 && !(state.position[0]! > 0); t++) state = randomWalkMH.step(rng, state, randomWalkProposal(1)).state;
    expect(state.position[0]).toBeGreaterThan(0);
    expect(state.lp).toBe(-state.position[0]!);
  });

  it('reports the state’s log density and never an acceptance rate outside [0, 1]', () => {
    const target = gaussian1(0, 1);
    const rng = Rng.seeded(6);
    let state = randomWalkMH.init(Float64Array.of(0), target);
    for (let t = 0; t < 100; t++) {
      const { state: next, info } = randomWalkMH.step(rng, state, randomWalkProposal(1, { scale: 3 }));
      expect(info.lp).toBe(target.logdensity(next.position));
      expect(info.acceptance_rate).toBeGreaterThanOrEqual(0);
      expect(info.acceptance_rate).toBeLessThanOrEqual(1);
      expect(info.is_accept).toBe(next !== state);
      state = next;
    }
  });

  it('refuses a discrete coordinate off the integers, and a proposal of the wrong size', () => {
    const target: DensityTarget = { dimension: 2, discrete: [false, true], logdensity: () => 0 };
    expect(() => randomWalkMH.init(Float64Array.of(0, 0.5), target)).toThrow(/coordinate 1 is discrete but starts at 0.5/);
    expect(() => randomWalkMH.init(Float64Array.of(0), target)).toThrow(/1 coordinates, the target 2/);
    const state = randomWalkMH.init(Float64Array.of(0, 1), target);
    expect(() => randomWalkMH.step(Rng.seeded(1), state, randomWalkProposal(3))).toThrow(/proposal is for 3/);
  });
});

describe('random-walk proposal', () => {
  it('takes d variances or a d×d covariance, and refuses anything else', () => {
    expect(randomWalkProposal(2, { covariance: [1, 4] })).toMatchObject({ kind: 'diagonal', sd: Float64Array.of(1, 2), scale: 1 });
    expect(randomWalkProposal(2, { covariance: [4, 2, 2, 5] })).toMatchObject({ kind: 'dense', factor: Float64Array.of(2, 1, 0, 2) });
    expect(() => randomWalkProposal(2, { covariance: [1, 2, 3] })).toThrow(/2 \(diagonal\) or 4 \(dense\) values, got 3/);
    expect(() => randomWalkProposal(2, { covariance: [1, 2, 2, 1] })).toThrow(/not positive definite/);
    expect(() => randomWalkProposal(2, { covariance: [1, 0.5, 0, 1] })).toThrow(/not symmetric/);
    expect(() => randomWalkProposal(2, { covariance: [1, -1] })).toThrow(/variance 1 must be positive/);
    expect(() => randomWalkProposal(1, { scale: 0 })).toThrow(/scale must be positive/);
    expect(() => randomWalkProposal(0)).toThrow(/positive integer dimension/);
  });

  it('steps by scale · √Σᵢᵢ in continuous coordinates', () => {
    const flat: DensityTarget = { dimension: 1, logdensity: () => 0 };
    const draws = run(randomWalkMH, flat, randomWalkProposal(1, { covariance: [9], scale: 0.5 }), Float64Array.of(0), { seed: 9, chains: 1, draws: 4000, warmup: 0 });
    const x = draws.coordinates[0]!.data;
    const steps = x.slice(1).map((v, t) => v - x[t]!);
    const variance = steps.reduce((s, v) => s + v * v, 0) / steps.length;
    expect(variance).toBeGreaterThan(2.25 * 0.9);
    expect(variance).toBeLessThan(2.25 * 1.1);
  });
});
