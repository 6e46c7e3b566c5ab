import { describe, expect, it } from 'vitest';
import { prepare } from '../lang/index.js';
import type { ChainsLayout, DrawBatch } from '../chains/index.js';
import { sample } from './index.js';

describe('sample streams its draws', () => {
  const p = prepare({ source: '@model function m()\n    s ~ Exponential(1)\n    m ~ Normal(0, s)\n    t := m * s\n    return m + 1\nend\n' });
  if (!p.ok) throw new Error(p.diagnostics[0]!.message);
  const { model, args } = p.value;

  it.each([{ sampler: 'nuts' as const }, { sampler: 'mh' as const, proposal: 'random-walk' as const }, { sampler: 'prior' as const }])(
    '$sampler: the layout first, then batches that make up the returned chains exactly',
    (sampler) => {
      const layouts: ChainsLayout[] = [];
      const batches: [number, DrawBatch][] = [];
      const chains = sample(model, args, sampler, { draws: 57, warmup: 20, chains: 2, seed: 3, batchSize: 5, onLayout: (l) => layouts.push(l), onDraws: (c, b) => batches.push([c, b]) });
      expect(layouts).toEqual([{ parameters: chains.parameters, generated: chains.generated, stats: chains.stats }]);
      expect(chains.generated).toEqual(['t', 'return']);
      for (const c of [0, 1]) {
        const mine = batches.filter(([k]) => k === c).map(([, b]) => b);
        expect(mine.length).toBe(12);
        const joined = mine.flatMap((b) => Array.from(b.generated!));
        const stored = Array.from({ length: 57 }, (_, i) => chains.generated.map((name) => chains.draws(name, c)[i]!)).flat();
        expect(joined).toEqual(stored);
      }
      const unbatched = sample(model, args, sampler, { draws: 57, warmup: 20, chains: 2, seed: 3 });
      expect(Array.from(unbatched.draws('m', 1))).toEqual(Array.from(chains.draws('m', 1)));
    },
  );

  it('groups the hand-over by time when asked, without changing a draw', () => {
    // Iterations sampled when each batch was handed over: with a long interval, one batch of all of them, at the end.
    const seen: number[] = [];
    let iteration = 0;
    const grouped = sample(model, args, { sampler: 'nuts' }, {
      draws: 40, warmup: 10, chains: 1, seed: 4, batchSize: 1, drawsEveryMs: 1e9,
      onProgress: (p) => (iteration = p.phase === 'sampling' ? p.iteration : 0),
      onDraws: () => seen.push(iteration),
    });
    const plain = sample(model, args, { sampler: 'nuts' }, { draws: 40, warmup: 10, chains: 1, seed: 4 });
    expect(seen).toEqual([40]);
    expect(Array.from(grouped.draws('t', 0))).toEqual(Array.from(plain.draws('t', 0)));
  });
});
