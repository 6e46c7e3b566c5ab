import { describe, expect, it } from 'vitest';
import type { ParameterInfo } from '../../../core/lang/index';
import { defaultSampler } from '../document/index';
import { backendValueOfLabel, samplerMessage } from './index';

const s: ParameterInfo = { name: 's', shape: [], support: 'integers', family: 'DiscreteUniform', discrete: true };
const e: ParameterInfo = { name: 'e', shape: [], support: 'positive', family: 'Exponential', discrete: false };
const l: ParameterInfo = { name: 'l', shape: [], support: 'positive', family: 'Exponential', discrete: false };
const changepoint = [s, e, l];

describe('samplerMessage', () => {
  it('names the discrete parameter when a gradient sampler is chosen and suggests MH or Gibbs', () => {
    for (const kind of ['nuts', 'hmc', 'hmcda', 'advi', 'map', 'mle'] as const) {
      const message = samplerMessage(defaultSampler(kind, changepoint), changepoint);
      expect(message?.offerGibbs).toBe(true);
      expect(message?.text).toMatch(/^s is discrete, and .+ needs the gradient/);
      expect(message?.text).toContain('Use MH or PG, or Gibbs with MH or PG for s and NUTS for the rest.');
    }
  });

  it('lists several discrete parameters', () => {
    const k = { ...s, name: 'k' };
    expect(samplerMessage(defaultSampler('nuts', []), [s, k, e])?.text).toMatch(/^s and k are discrete/);
  });

  it('says nothing when the sampler suits the model', () => {
    expect(samplerMessage(defaultSampler('nuts', []), [e, l])).toBeNull();
    expect(samplerMessage(defaultSampler('mh', []), changepoint)).toBeNull();
    expect(samplerMessage(defaultSampler('gibbs', changepoint), changepoint)).toBeNull();
    expect(samplerMessage(defaultSampler('prior', []), changepoint)).toBeNull();
    expect(samplerMessage(defaultSampler('pg', []), changepoint)).toBeNull();
    expect(samplerMessage({ sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'pg', particles: 20 }, { variables: ['e', 'l'], sampler: 'nuts' }] }, changepoint)).toBeNull();
  });

  it('points at Gibbs blocks that differentiate a discrete parameter or leave a parameter out', () => {
    expect(samplerMessage({ sampler: 'gibbs', blocks: [{ variables: ['s', 'e', 'l'], sampler: 'nuts' }] }, changepoint)?.text).toBe(
      's is discrete: sample it with an MH or PG block, not a gradient one.',
    );
    expect(samplerMessage({ sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'mh' }] }, changepoint)?.text).toBe('No Gibbs block samples e and l.');
  });
});

describe('backendValueOfLabel', () => {
  it('maps the benchmark’s labels to the selector’s values', () => {
    expect(backendValueOfLabel('reversediff (compiled)')).toBe('reversediff:compile');
    expect(backendValueOfLabel('tracker')).toBe('tracker');
    expect(backendValueOfLabel('finite differences')).toBeUndefined();
  });
});
