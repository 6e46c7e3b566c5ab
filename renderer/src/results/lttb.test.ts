import { describe, expect, it } from 'vitest';
import { lttb } from './index';

describe('LTTB down-sampling', () => {
  it('leaves a series of at most `threshold` points unchanged', () => {
    expect(lttb([3, 1, 4, 1, 5], 5)).toEqual([0, 1, 2, 3, 4]);
    expect(lttb([3, 1, 4], 10)).toEqual([0, 1, 2]);
  });

  it('keeps the first and last points and returns exactly `threshold` increasing indices', () => {
    const y = Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50) + ((i * 7919) % 13) / 13);
    const kept = lttb(y, 500);
    expect(kept).toHaveLength(500);
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(9_999);
    expect(kept.every((k, i) => i === 0 || k > kept[i - 1]!)).toBe(true);
  });

  it('picks the peak of a flat series with one spike', () => {
    const y = new Float64Array(1000);
    y[637] = 50;
    y[210] = -30;
    const kept = lttb(y, 20);
    expect(kept).toContain(637);
    expect(kept).toContain(210);
  });

  it('keeps only the ends below three points', () => {
    expect(lttb([1, 2, 3, 4], 2)).toEqual([0, 3]);
  });
});
