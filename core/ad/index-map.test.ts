import { describe, expect, it } from 'vitest';
import { IndexMap } from './index-map.js';

describe('IndexMap', () => {
  it('has stretches only where enough consecutive positions map to consecutive nodes', () => {
    const along = Int32Array.from({ length: 12 }, (_, i) => i);
    expect(IndexMap.of(along, Int32Array.from(along, (i) => 40 + i)).hasRuns).toBe(true);
    expect(IndexMap.of([0, 1], [7, 8]).hasRuns).toBe(false);
    expect(IndexMap.of(along, Int32Array.from(along, (i) => 3 * i)).hasRuns).toBe(false);
  });

  it('moves the same values with or without stretches', () => {
    const tape = Float64Array.from({ length: 30 }, (_, i) => i / 7);
    const positions = Int32Array.from({ length: 11 }, (_, i) => i);
    const nodes = Int32Array.from([5, 6, 7, 8, 9, 10, 11, 12, 13, 2, -1]);
    const map = IndexMap.of(positions, nodes);
    expect(map.hasRuns).toBe(true);
    const own = new Float64Array(11).fill(-1);
    map.gather(tape, own);
    expect(Array.from(own)).toEqual(Array.from(nodes, (k) => (k < 0 ? -1 : tape[k]!)));
    const adjoints = new Float64Array(30);
    map.addScaled(Float64Array.from(own, (_, i) => i + 1), 2, adjoints);
    nodes.forEach((k, i) => k >= 0 && expect(adjoints[k]).toBe(2 * (i + 1)));
  });
});
