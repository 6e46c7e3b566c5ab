import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { sample, type Sampler } from './index.js';

/**
 * Samplers that draw discrete values from the prior (MH, particle Gibbs, their Gibbs blocks) and a model whose
 * parameters' sizes follow such a value, against Tilde's rule that the set of parameters does not depend on
 * parameter values. Here the total stays 4 coordinates whatever k is, so nothing else noticed.
 */
const source = `
@model function sizes()
    k ~ Categorical(2)
    x ~ filldist(Normal(), k)
    y ~ filldist(Normal(10, 1), 3 - k)
end`;

function run(sampler: Sampler, model = source, init?: Record<string, number>): () => unknown {
  const p = prepare({ source: model });
  if (!p.ok) throw new Error(p.diagnostics.map((d) => d.message).join('\n'));
  return () => sample(p.value.model, p.value.args, sampler, { draws: 200, warmup: 50, chains: 1, seed: 1, ...(init ? { init } : {}) });
}

const NAMED = /`x` has \d+ (unconstrained coordinates?|elements).*: the set of parameters must not depend on parameter values/;

describe('a parameter whose size follows a discrete parameter stops the chain, named', () => {
  // MH and PG read x[2] of a k = 2 draw as y[1]: the column y[1] had mean 5.07, half N(0, 1) and half N(10, 1).
  it('MH and PG over every variable', () => {
    expect(run({ sampler: 'mh' })).toThrow(NAMED);
    expect(run({ sampler: 'pg', particles: 10 })).toThrow(NAMED);
  });

  // A proposal of the other k was rejected as outside the support, and k stayed at its first value (sd 0, no warning).
  it('an MH or PG block for k beside NUTS', () => {
    const nuts = { variables: ['x', 'y'], sampler: 'nuts' } as const;
    expect(run({ sampler: 'gibbs', blocks: [{ variables: ['k'], sampler: 'mh' }, nuts] })).toThrow(NAMED);
    expect(run({ sampler: 'gibbs', blocks: [{ variables: ['k'], sampler: 'pg', particles: 10 }, nuts] })).toThrow(NAMED);
  });

  // Each point across the branch was a divergence: 93 of 300 transitions, x kept above 0, and advice about priors' supports.
  it('NUTS on a branch over a continuous parameter that draws another variable', () => {
    const branch = '@model function branch()\n    x ~ Normal(1, 1)\n    if x > 0\n        y ~ Normal()\n    end\nend\n';
    expect(run({ sampler: 'nuts' }, branch, { x: 1, y: 0 })).toThrow(/the model (did not meet|met a new parameter) `y`.*: the set of parameters must not depend on parameter values/);
  });
});
