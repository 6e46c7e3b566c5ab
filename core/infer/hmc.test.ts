import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/index.js';
import { hmc, hmcda, initState, runChain, stepsForLength, unitMetric } from './index.js';
import { expectMoments, gaussian, statColumn } from './test-support.js';

const MEANS = [1, -2, 0.5];
const SDS = [1, 0.5, 2];

describe('static HMC', () => {
  it('recovers the means and variances of a Gaussian, adapting nothing', () => {
    const result = runChain(gaussian(MEANS, SDS), { sampler: 'hmc', stepSize: 0.25, nSteps: 7 }, { rng: Rng.seeded(1).split(0), init: new Float64Array(3), warmup: 200, draws: 3000 });
    SDS.forEach((sd, j) => expectMoments(result, j, MEANS[j]!, sd * sd));
    expect(result.stepSize).toBe(0.25);
    expect(statColumn(result, 'n_steps').every((n) => n === 7)).toBe(true);
  });

  it('a rejected proposal keeps the state, with no energy error', () => {
    const t = gaussian([0], [0.05]);
    const state = initState(Float64Array.of(0.01), t);
    const { state: next, info } = hmc().step(Rng.seeded(2), state, { target: t, stepSize: 3, nSteps: 5, metric: unitMetric(1) });
    expect(info.is_accept).toBe(false);
    expect(info.is_divergent).toBe(true);
    expect(info.acceptance_rate).toBe(0);
    expect(info.hamiltonian_energy_error).toBe(0);
    expect(next).toBe(state);
  });
});

describe('HMC-DA', () => {
  it('takes max(1, ⌊λ/ε⌋) steps', () => {
    expect(stepsForLength(1, 0.3)).toBe(3);
    expect(stepsForLength(1, 2)).toBe(1);
    const t = gaussian([0], [1]);
    const { info } = hmcda().step(Rng.seeded(3), initState(Float64Array.of(0), t), { target: t, stepSize: 0.1, trajectoryLength: 1.05, metric: unitMetric(1) });
    expect(info.n_steps).toBe(10);
  });

  it('adapts ε with the trajectory length fixed and recovers a Gaussian', () => {
    const result = runChain(gaussian(MEANS, SDS), { sampler: 'hmcda', trajectoryLength: 2, metric: 'diagonal' }, { rng: Rng.seeded(4).split(0), init: new Float64Array(3), warmup: 500, draws: 2000 });
    SDS.forEach((sd, j) => expectMoments(result, j, MEANS[j]!, sd * sd));
    const eps = result.stepSize;
    expect(statColumn(result, 'n_steps').every((n) => n === stepsForLength(2, eps))).toBe(true);
  });
});
