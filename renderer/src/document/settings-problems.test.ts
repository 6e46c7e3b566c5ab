import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, samplerProblem, settingsProblems } from './index';

describe('samplerProblem', () => {
  it("names a Gibbs block's bad setting by its block: particles, leapfrog steps, step size", () => {
    const gibbs = (block: object) => samplerProblem({ sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'mh' }, { variables: ['e'], sampler: 'nuts', ...block }] });
    expect(gibbs({})).toBeUndefined();
    expect(gibbs({ sampler: 'pg', particles: 1 })).toBe('the number of particles of block 2 must be at least 2, got 1');
    expect(gibbs({ sampler: 'hmc', nSteps: 0 })).toBe('the number of leapfrog steps of block 2 must be at least 1, got 0');
    expect(gibbs({ sampler: 'hmc', nSteps: 5, stepSize: -0.1 })).toBe('the step size ε of block 2 must be a positive number, got -0.1');
    expect(gibbs({ sampler: 'hmc', nSteps: 5, stepSize: 0.01 })).toBeUndefined();
    expect(samplerProblem({ sampler: 'pg', particles: 2.5 })).toBe('the number of particles must be a whole number, got 2.5');
    expect(samplerProblem({ sampler: 'gibbs', blocks: [{ variables: [], sampler: 'pg', particles: 5 }] })).toBe('Gibbs block 1 names no variable');
  });

  it("checks ADVI's samples per step", () => {
    expect(samplerProblem({ sampler: 'advi', family: 'fullrank', samplesPerStep: 10 })).toBeUndefined();
    expect(samplerProblem({ sampler: 'advi', samplesPerStep: 0 })).toBe('the samples per step must be at least 1, got 0');
  });
});

describe('settingsProblems', () => {
  it('says a whole number past 2^53 is too large, not that it is not whole', () => {
    expect(settingsProblems({ ...DEFAULT_SETTINGS, seed: 1e20 }).seed).toBe('Seed must be at most 9007199254740991, got 100000000000000000000');
    expect(settingsProblems({ ...DEFAULT_SETTINGS, seed: 2.5 }).seed).toBe('Seed must be a whole number, got 2.5');
    expect(settingsProblems({ ...DEFAULT_SETTINGS, seed: 2 ** 53 - 1 }).seed).toBeUndefined();
  });
});
