import { describe, expect, it } from 'vitest';
import type { ParameterInfo } from '../../../core/lang/index';
import {
  SAMPLER_OPTIONS,
  DEFAULT_SETTINGS,
  buildOptimizeRequest,
  buildRunRequest,
  defaultSampler,
  LEAPFROG_STEPS,
  MAX_TREE_DEPTH,
  PARTICLES,
  TARGET_ACCEPTANCE,
  gibbsBlocksForModel,
  workspaceAction,
  type WorkspaceDocument,
} from './index';

const document: WorkspaceDocument = {
  source: '@model function m(y)\n  s ~ DiscreteUniform(1, 3)\n  μ ~ Normal(0, 1)\n  y ~ Normal(μ, s)\nend',
  data: { name: 'y.json', text: '{"y": 1.5}', format: 'json' },
  modelName: null,
  fileName: null,
  path: null,
};
const parameters: ParameterInfo[] = [
  { name: 's', shape: [], support: 'integers', family: 'DiscreteUniform', discrete: true },
  { name: 'μ', shape: [], support: 'real', family: 'Normal', discrete: false },
];
const size = { chains: 2, draws: 300, warmup: 200, seed: 7 };

describe('buildRunRequest', () => {
  const sampling = SAMPLER_OPTIONS.filter((o) => o.kind !== 'map' && o.kind !== 'mle');

  it.each(sampling.map((o) => o.kind))('sends %s with the model, its data, the backend and the run size', (kind) => {
    const sampler = defaultSampler(kind, parameters);
    const request = buildRunRequest(document, { ad: 'reversediff:compile', sampler, ...size });
    // SMC and IS have no warm-up: a chain is one run of its particles.
    const warmup = kind === 'smc' || kind === 'is' ? 0 : size.warmup;
    expect(request).toEqual({ source: document.source, data: { text: '{"y": 1.5}', format: 'json' }, sampler, ad: 'reversediff:compile', ...size, warmup });
  });

  it('sends no thinning to SMC or IS, whose draws are the particles of one run', () => {
    const request = buildRunRequest(document, { ...DEFAULT_SETTINGS, sampler: { sampler: 'smc' }, thin: 3 });
    expect(request.thin).toBeUndefined();
    expect(request.warmup).toBe(0);
  });

  it('sends the initial values typed as JSON, none when the field is empty, and stops at a bad one with the field’s message', () => {
    const sampler = defaultSampler('nuts', parameters);
    expect(buildRunRequest(document, { ad: 'auto', sampler, ...size, init: ' {"μ": 0.5, "β": [0, [1, 2]]} ' }).init).toEqual({ μ: 0.5, β: [0, [1, 2]] });
    expect(buildRunRequest(document, { ad: 'auto', sampler, ...size, init: '  ' })).not.toHaveProperty('init');
    const problem = (init: string) => {
      const action = workspaceAction(document, { ad: 'auto', sampler, ...size, init });
      return action.kind === 'invalid' ? action.problems.init : undefined;
    };
    expect(problem('{"μ": 0.5')).toBe('Initial values must be JSON, as {"σ": 1, "β": [0, 1]}');
    expect(problem('[1, 2]')).toBe('Initial values must be a JSON object of values by parameter name, as {"σ": 1}');
    expect(problem('{"β": [0, "one"]}')).toBe('Initial values: the value of β must be a number or a list of numbers, got "one"');
    expect(problem('{"μ": 1}')).toBeUndefined();
  });

  it('gives each sampler the settings the engine reads', () => {
    expect(defaultSampler('nuts', [])).toEqual({ sampler: 'nuts', adaptation: { targetAcceptance: TARGET_ACCEPTANCE }, maxTreeDepth: MAX_TREE_DEPTH });
    expect(defaultSampler('hmc', [])).toEqual({ sampler: 'hmc', stepSize: 0.1, nSteps: LEAPFROG_STEPS });
    expect(defaultSampler('hmcda', [])).toEqual({ sampler: 'hmcda', adaptation: { targetAcceptance: TARGET_ACCEPTANCE }, trajectoryLength: 1 });
    expect(defaultSampler('mh', [])).toEqual({ sampler: 'mh', proposal: 'prior' });
    expect(defaultSampler('prior', [])).toEqual({ sampler: 'prior' });
    expect(defaultSampler('ess', [])).toEqual({ sampler: 'ess' });
    expect(defaultSampler('pg', [])).toEqual({ sampler: 'pg', particles: PARTICLES });
  });

  it('splits Gibbs into MH for the discrete parameters and NUTS for the continuous ones', () => {
    expect(defaultSampler('gibbs', parameters)).toEqual({
      sampler: 'gibbs',
      blocks: [
        { variables: ['s'], sampler: 'mh' },
        { variables: ['μ'], sampler: 'nuts' },
      ],
    });
    // An HMM's states: MH would draw the whole array from its prior at once, and almost never accept.
    const states = { name: 'z', shape: [30], support: 'integers', family: 'Categorical', discrete: true };
    expect(defaultSampler('gibbs', [...parameters, states])).toEqual({
      sampler: 'gibbs',
      blocks: [
        { variables: ['s'], sampler: 'mh' },
        { variables: ['z'], sampler: 'pg', particles: PARTICLES },
        { variables: ['μ'], sampler: 'nuts' },
      ],
    });
  });

  it('leaves data out when there is none and passes thinning when set', () => {
    const request = buildRunRequest({ ...document, data: undefined }, { ...DEFAULT_SETTINGS, thin: 3 });
    expect(request.data).toBeUndefined();
    expect(request.thin).toBe(3);
  });

  it('refuses MAP and MLE, which optimise', () => {
    expect(() => buildRunRequest(document, { ...DEFAULT_SETTINGS, sampler: { sampler: 'map' } })).toThrow(/buildOptimizeRequest/);
  });
});

describe('buildOptimizeRequest', () => {
  it.each(['map', 'mle'] as const)('asks for %s with the seed and backend', (kind) => {
    const request = buildOptimizeRequest(document, { ...DEFAULT_SETTINGS, sampler: { sampler: kind }, seed: 3, ad: 'forwarddiff' });
    expect(request).toEqual({ source: document.source, data: { text: '{"y": 1.5}', format: 'json' }, kind, seed: 3, ad: 'forwarddiff' });
  });

  it('starts where the initial values say (Turing’s initial_params), and a bad value stops it as it stops a run', () => {
    const settings = { ...DEFAULT_SETTINGS, sampler: { sampler: 'map' as const }, init: '{"μ": 0.5}' };
    expect(buildOptimizeRequest(document, settings).init).toEqual({ μ: 0.5 });
    expect(workspaceAction(document, { ...settings, init: '{"μ": "x"}' })).toEqual({ kind: 'invalid', problems: { init: 'Initial values: the value of μ must be a number or a list of numbers, got "x"' } });
  });
});

describe('workspaceAction', () => {
  it('runs samplers and optimises modes', () => {
    expect(workspaceAction(document, DEFAULT_SETTINGS).kind).toBe('run');
    expect(workspaceAction(document, { ...DEFAULT_SETTINGS, sampler: { sampler: 'mle' } }).kind).toBe('optimize');
  });

  it('names every field that stops a run', () => {
    const action = workspaceAction(document, { ...DEFAULT_SETTINGS, chains: 0, draws: Number.NaN, warmup: 1.5, sampler: { sampler: 'hmc', stepSize: -1, nSteps: 5 } });
    expect(action).toEqual({
      kind: 'invalid',
      problems: {
        chains: 'Chains must be at least 1, got 0',
        draws: 'Draws needs a number',
        warmup: 'Warm-up must be a whole number, got 1.5',
        sampler: 'the step size ε must be a positive number, got -1',
      },
    });
  });

  it('refuses a thinning below 1', () => {
    expect(workspaceAction(document, { ...DEFAULT_SETTINGS, thin: 0 })).toEqual({ kind: 'invalid', problems: { thin: 'Thinning must be at least 1, got 0' } });
  });

  it('ignores the run size for an optimisation, which has none', () => {
    expect(workspaceAction(document, { ...DEFAULT_SETTINGS, chains: 0, sampler: { sampler: 'map' } }).kind).toBe('optimize');
  });

  it('refuses Gibbs without blocks and NUTS with δ outside (0, 1)', () => {
    expect(workspaceAction(document, { ...DEFAULT_SETTINGS, sampler: { sampler: 'gibbs', blocks: [] } })).toEqual({ kind: 'invalid', problems: { sampler: 'Gibbs needs at least one block' } });
    expect(workspaceAction(document, { ...DEFAULT_SETTINGS, sampler: { sampler: 'nuts', adaptation: { targetAcceptance: 1.2 } } })).toEqual({
      kind: 'invalid',
      problems: { sampler: 'the target acceptance δ must lie between 0 and 1, got 1.2' },
    });
  });
});

describe('gibbsBlocksForModel', () => {
  it('sets up Gibbs for a model whose parameters no block names yet', () => {
    expect(gibbsBlocksForModel({ sampler: 'gibbs', blocks: [] }, parameters)).toEqual(defaultSampler('gibbs', parameters));
    expect(gibbsBlocksForModel({ sampler: 'gibbs', blocks: [{ variables: ['θ'], sampler: 'nuts' }] }, parameters)).toEqual(defaultSampler('gibbs', parameters));
  });

  it('keeps blocks fitted to the model, other samplers, and everything while the parameters are unknown', () => {
    expect(gibbsBlocksForModel({ sampler: 'gibbs', blocks: [{ variables: ['s', 'μ'], sampler: 'mh' }] }, parameters)).toBeNull();
    expect(gibbsBlocksForModel(defaultSampler('nuts', []), parameters)).toBeNull();
    expect(gibbsBlocksForModel({ sampler: 'gibbs', blocks: [] }, [])).toBeNull();
  });
});
