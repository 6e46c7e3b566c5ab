import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKEND_NAMES } from '../ad/index.js';
import { bindSource, demoModels, expectGradient } from './index.js';

const EXAMPLES = new URL('../../resources/examples/', import.meta.url);

function example(name: string): { source: string; data: string } {
  return { source: readFileSync(new URL(`${name}.jl`, EXAMPLES), 'utf8'), data: readFileSync(new URL(`${name}.json`, EXAMPLES), 'utf8') };
}

/**
 * Every continuous example, with an unconstrained coordinate pushed towards the edge of its support (a
 * scale of 1e-6, a probability or correlation next to 1, a saturated logistic). Not further: at p =
 * σ(30) the tails' log(1 − p) is all rounding, so central differences see a flat function where every
 * AD backend rightly gives the slope −3 of 3 log(1 − p).
 */
const EDGES: [string, Record<string, number>][] = [
  ['coinflip', { p: 12 }],
  ['correlated_normal', { 'L (unconstrained 1)': 6 }],
  ['dirichlet_multinomial', { 'θ (unconstrained 1)': 15 }],
  ['eight_schools', { τ: Math.log(1e-6) }],
  ['gdemo', { 's²': Math.log(1e-6) }],
  ['hierarchical', { τ: Math.log(1e-6) }],
  ['linear_regression', { 'σ²': Math.log(1e-6) }],
  ['logistic_regression', { α: 30 }],
];

describe('gradients of the example models', () => {
  it.each(EDGES)('%s: every backend at three prior draws and near the edge of a support (%j)', (name, edge) => {
    const { source, data } = example(name);
    expectGradient(source, data);
    expectGradient(source, data, 'prior', { draws: 1, seed: 7, set: edge });
  });

  it('changepoint: every backend refuses the discrete change point', () => {
    const { source, data } = example('changepoint');
    const { bound } = bindSource(source, data);
    for (const backend of BACKEND_NAMES) expect(() => bound.gradient(backend), backend).toThrow('`s` is a discrete parameter (DiscreteUniform)');
  });
});

describe('gradients of the DynamicPPL demo models', () => {
  it.each(demoModels.map((d) => [d.name, d] as const))('%s', (_, demo) => {
    expectGradient(demo.source, demo.data);
  });
});
