import { describe, expect, it } from 'vitest';
import { metricWindows } from './index.js';

const ends = (n: number, settings = {}) => metricWindows(n, settings).map((w) => w.end);

describe("Stan's metric windows", () => {
  it('n_adapts = 1000: after 75 iterations, windows of 25, 50, 100, 200 and a last one stretched to 500', () => {
    expect(metricWindows(1000)).toEqual([
      { start: 75, end: 100 },
      { start: 100, end: 150 },
      { start: 150, end: 250 },
      { start: 250, end: 450 },
      { start: 450, end: 950 },
    ]);
  });

  it('a window is stretched only when the one after it would overrun the terminal buffer', () => {
    expect(ends(2000)).toEqual([100, 150, 250, 450, 850, 1950]);
    // The window after 450 would end at 850 and the next at 1650: past 1649, so 1699 stretches at once.
    expect(ends(1699)).toEqual([100, 150, 250, 450, 1649]);
    expect(ends(1700)).toEqual([100, 150, 250, 450, 850, 1650]);
    // Stan's rule leaves a short last window when the doubled one lands just inside the buffer.
    expect(ends(160)).toEqual([100, 110]);
    expect(ends(180)).toEqual([100, 130]);
  });

  it('exactly 150 = 75 + 25 + 50 keeps the configured buffers: one window', () => {
    expect(metricWindows(150)).toEqual([{ start: 75, end: 100 }]);
  });

  it('short warm-ups fall back to 15% / 75% / 10%, truncated', () => {
    expect(metricWindows(149)).toEqual([{ start: 22, end: 135 }]);
    expect(metricWindows(100)).toEqual([{ start: 15, end: 90 }]);
    expect(metricWindows(47)).toEqual([{ start: 7, end: 43 }]);
    expect(metricWindows(20)).toEqual([{ start: 3, end: 18 }]);
  });

  it('no metric adaptation below 20 warm-up iterations', () => {
    expect(metricWindows(19)).toEqual([]);
    expect(metricWindows(0)).toEqual([]);
  });

  it('follows custom buffers and a custom first window', () => {
    expect(ends(500, { initBuffer: 50, termBuffer: 100, baseWindow: 50 })).toEqual([100, 200, 400]);
    expect(ends(1000, { initBuffer: 0, termBuffer: 0, baseWindow: 100 })).toEqual([100, 300, 1000]);
    expect(metricWindows(1000, { baseWindow: 0 })).toEqual([]);
  });
});
