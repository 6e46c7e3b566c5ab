import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../lang/index.js';
import { autoChoice, backendFor } from '../model/index.js';
import { bindSource } from './index.js';

const EXAMPLES = new URL('../../resources/examples/', import.meta.url);

function example(name: string): { source: string; data: string } {
  return { source: readFileSync(new URL(`${name}.jl`, EXAMPLES), 'utf8'), data: readFileSync(new URL(`${name}.json`, EXAMPLES), 'utf8') };
}

const CONTINUOUS = ['coinflip', 'correlated_normal', 'dirichlet_multinomial', 'eight_schools', 'gdemo', 'hierarchical', 'linear_regression', 'logistic_regression'];

describe('auto', () => {
  it.each(CONTINUOUS)('%s: differentiates on a compiled tape, which gives the gradients a fresh recording gives', (name) => {
    const { source, data } = example(name);
    const model = bindSource(source, data);
    const choice = autoChoice(model.bound);
    expect(choice).toMatchObject({ label: 'reversediff (compiled)', name: 'reversediff', options: { compile: true } });
    expect(choice.reason).toMatch(/^the model's tape stands for it \(recorded once, its replays agree with fresh recordings at 3 points\)/);
    const fresh = model.bound.gradient('reversediff');
    for (const seed of [1, 2, 3]) {
      const theta = model.priorDraw(seed);
      const [replayed, recorded] = [choice.gradient!(theta), fresh(theta)];
      expect(replayed.value, `${name} at prior draw ${seed}`).toBeCloseTo(recorded.value, 9);
      recorded.grad.forEach((g, i) => expect(replayed.grad[i], `${name} at prior draw ${seed}, coordinate ${i + 1}`).toBeCloseTo(g, 9));
    }
  });

  const branching = ['@model function m(y)', '    x ~ Normal(0, 1)', '    s ~ Exponential(1)', '    if x > 0', '        y ~ Normal(x, s)', '    else', '        y ~ Normal(-x, 2s)', '    end', 'end'].join('\n');

  it('keeps the rule of thumb where a branch depends on a parameter, and says which', () => {
    const source = branching;
    const choice = autoChoice(bindSource(source, '{"y": 0.3}').bound);
    expect(choice).toMatchObject({ label: 'forwarddiff', name: 'forwarddiff', options: {} });
    expect(choice.reason).toMatch(/^rule of thumb: forwarddiff for 2 parameters \(forward mode up to about 20, reverse beyond\); no compiled tape: at line 4 \(`x > 0`\), a comparison \(`>`\) depends on a parameter's value/);
    expect(choice.gradient).toBeUndefined();
  });

  it('puts a named compiled tape\'s refusal where the comparison is written', () => {
    const outcome = checkModel({ source: branching, data: { text: '{"y": 0.3}', format: 'json' }, ad: 'reversediff:compile' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.diagnostics).toEqual([expect.objectContaining({ line: 4, column: 8, message: expect.stringMatching(/^reversediff with a compiled tape cannot differentiate this model: a comparison \(`>`\) depends on a parameter's value/) })]);
  });

  it('keeps the rule of thumb for a model with a discrete parameter, naming it', () => {
    const { source, data } = example('changepoint');
    expect(autoChoice(bindSource(source, data).bound).reason).toMatch(/^rule of thumb: \w+ for \d+ parameters .*; `s` is discrete, so no single tape stands for the model$/);
  });

  it('is chosen once per bound model; a named backend is taken as named', () => {
    const { bound } = bindSource(example('gdemo').source, example('gdemo').data);
    expect(backendFor(bound, 'auto')).toBe(autoChoice(bound));
    expect(backendFor(bound, undefined)).toBe(autoChoice(bound));
    expect(backendFor(bound, 'AutoForwardDiff(chunksize=1)')).toEqual({ name: 'forwarddiff', options: { chunk: 1 }, label: 'forwarddiff' });
    expect(backendFor(bound, 'reversediff:compile')).toEqual({ name: 'reversediff', options: { compile: true }, label: 'reversediff (compiled)' });
  });
});
