import { describe, expect, it } from 'vitest';
import { momentMatchReferences } from '../../core/testing/fixtures/diagnostics/index.js';
import { looDraws } from './index.js';

const source = '@model function m(y)\n    μ ~ Normal(0, 10)\nend\n';
const data = { text: '{"y": [1.0, 2.0]}', format: 'json' as const };
const posterior = (names: string[], values: number[]) => ({ names, chains: [Float64Array.from(values)] });

describe('engine.loo', () => {
  it('reports what leave-one-out cannot use as the user’s problem, not an internal error', () => {
    const nothing = looDraws({ source, data, posterior: posterior(['μ'], [0.1, 0.2, 0.3]) });
    expect(nothing.ok).toBe(false);
    if (nothing.ok) return;
    expect(nothing.diagnostics.map((d) => d.message)).toEqual(['the model observes nothing: leave-one-out needs observations with a log-likelihood']);
    const noDraws = looDraws({ source, data, posterior: posterior(['σ'], [1, 2]) });
    if (noDraws.ok) throw new Error('draws without μ gave a result');
    expect(noDraws.diagnostics.at(-1)!.message).toBe('the draws have no values for `μ`: leave-one-out needs the run’s own draws of every parameter');
  });

  it('moment-matches the observations whose k is too high when asked', () => {
    const ref = momentMatchReferences.find((r) => r.name === 'outlier')!;
    const rows = ref.drawsCsv.trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
    const request = { source: ref.model, data: { text: JSON.stringify(ref.data), format: 'json' as const }, posterior: { names: ['mu', 'sigma'], chains: [1, 2].map((c) => Float64Array.from(rows.filter((r) => r[0] === c).flatMap((r) => [r[2]!, r[3]!]))) } };
    const plain = looDraws(request);
    const matched = looDraws({ ...request, momentMatch: true });
    if (!plain.ok || !matched.ok) throw new Error('leave-one-out failed');
    expect(plain.value.momentMatched).toBeUndefined();
    expect(matched.value.momentMatched?.map((o) => o.name)).toEqual(['y[9]']);
    expect(matched.value.pointwise[8]!.paretoK).toBeLessThan(0.7);
    expect(plain.value.pointwise[8]!.paretoK).toBeGreaterThan(0.7);
  });
});
