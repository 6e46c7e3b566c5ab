import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { summarize } from '../diagnostics/index.js';
import { sample } from './index.js';

const examples = join(import.meta.dirname, '../../resources/examples');

function load(name: string) {
  const p = prepare({ source: readFileSync(join(examples, `${name}.jl`), 'utf8'), data: { text: readFileSync(join(examples, `${name}.json`), 'utf8'), format: 'json' } });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  return p.value;
}

describe('sample', () => {
  const { model, args } = load('gdemo');
  const run = (seed: number, ad = 'forwarddiff') => sample(model, args, { sampler: 'nuts' }, { draws: 1000, warmup: 1000, chains: 4, seed, ad });

  it('NUTS on gdemo recovers the conjugate posterior means within 4 MCSE', () => {
    const chains = run(1);
    const rows = summarize(chains).rows;
    const s2 = rows.find((r) => r.parameter === 's²')!;
    const m = rows.find((r) => r.parameter === 'm')!;
    expect(Math.abs(s2.mean - 49 / 24)).toBeLessThan(4 * s2.mcse_mean);
    expect(Math.abs(m.mean - 7 / 6)).toBeLessThan(4 * m.mcse_mean);
    expect(s2.rhat).toBeLessThan(1.01);
    expect(chains.stats).toContain('is_divergent');
    expect(chains.info(0).sampler).toBe('NUTS');
  });

  it('is bit-identical for the same seed, and whatever forward mode’s chunk size', () => {
    const a = run(5);
    const b = sample(model, args, { sampler: 'nuts' }, { draws: 1000, warmup: 1000, chains: 4, seed: 5, ad: 'forwarddiff:chunk=1' });
    expect(Array.from(b.draws('m', 3))).toEqual(Array.from(a.draws('m', 3)));
  });

  it('samples one chain of a run exactly as the whole run does', () => {
    const whole = run(9);
    const third = sample(model, args, { sampler: 'nuts' }, { draws: 1000, warmup: 1000, chains: 4, seed: 9, ad: 'forwarddiff', chainIndices: [2] });
    expect(Array.from(third.draws('s²', 2))).toEqual(Array.from(whole.draws('s²', 2)));
  });
});
