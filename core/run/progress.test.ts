import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import { sample, type Progress } from './index.js';

describe('progress', () => {
  it('counts divergences per phase: the sampling count is the kept draws’ is_divergent', () => {
    // Neal's funnel, centred: NUTS diverges in both phases.
    const p = prepare({ source: '@model function funnel()\n    v ~ Normal(0, 3)\n    x ~ filldist(Normal(0, exp(v / 2)), 9)\nend\n' });
    if (!p.ok) throw new Error(p.diagnostics[0]!.message);
    const last = new Map<string, Progress>();
    const chains = sample(p.value.model, p.value.args, { sampler: 'nuts' }, { draws: 300, warmup: 300, chains: 1, seed: 3, ad: 'forwarddiff', onProgress: (q) => last.set(q.phase, q) });
    const kept = Array.from(chains.draws('is_divergent', 0)).filter((x) => x === 1).length;
    expect(last.get('warmup')!.divergences).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
    expect(last.get('sampling')!.divergences).toBe(kept);
  });
});
