import { afterEach, describe, expect, it, vi } from 'vitest';
import { BoundModel } from '../model/index.js';
import { benchmarkModel } from './index.js';

afterEach(() => vi.restoreAllMocks());

const source = '@model function m(y)\n    σ ~ Exponential(1)\n    μ ~ Normal(0, 10)\n    y .~ Normal(μ, σ)\nend\n';
const data = { text: '{"y": [0.3, -1.2, 2.5]}', format: 'json' as const };

describe('benchmarkModel', () => {
  it('times every backend at several points near a prior draw, so a cache keyed by values cannot flatter it', () => {
    const seen = new Map<string, Set<string>>();
    const gradient = BoundModel.prototype.gradient;
    vi.spyOn(BoundModel.prototype, 'gradient').mockImplementation(function (this: BoundModel, name, options = {}) {
      const g = gradient.call(this, name, options);
      const label = `${name}${options.compile ? ' compiled' : ''}`;
      const points = seen.get(label) ?? new Set<string>();
      seen.set(label, points);
      return Object.assign((theta: ArrayLike<number>) => {
        points.add(Array.from(theta).join(','));
        return g(theta);
      }, g);
    });
    const outcome = benchmarkModel({ source, data }, { budgetMs: 5 });
    expect(outcome.ok).toBe(true);
    expect([...seen.keys()].sort()).toEqual(['forwarddiff', 'reversediff', 'reversediff compiled', 'tracker']);
    for (const points of seen.values()) expect(points.size).toBe(8);
    if (outcome.ok) for (const row of outcome.value.rows) expect(row.microseconds).toBeGreaterThan(0);
  });
});
