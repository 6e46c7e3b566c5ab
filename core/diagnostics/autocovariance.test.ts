import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/index.js';
import { autocorrelation, autocovariance } from './index.js';

/** The definition, O(n²): lag-t sum of centred products over n. */
function direct(x: readonly number[]): number[] {
  const n = x.length;
  const m = x.reduce((a, b) => a + b, 0) / n;
  return x.map((_, t) => {
    let s = 0;
    for (let i = 0; i + t < n; i++) s += (x[i]! - m) * (x[i + t]! - m);
    return s / n;
  });
}

describe('autocovariance', () => {
  it('agrees with the direct sum at every lag for lengths around powers of two', () => {
    const rng = Rng.seeded(7);
    for (const n of [2, 3, 5, 64, 65, 127, 1000]) {
      let prev = 0;
      const x = Array.from({ length: n }, () => (prev = 0.8 * prev + rng.normal()));
      const fast = autocovariance(x);
      direct(x).forEach((v, t) => expect(Math.abs(fast[t]! - v), `n=${n} lag ${t}`).toBeLessThan(1e-12 * Math.abs(fast[0]!)));
    }
  });

  it('is 0 at every lag for a constant sequence, whose autocorrelation is undefined', () => {
    expect([...autocovariance([2, 2, 2])]).toEqual([0, 0, 0]);
    expect([...autocorrelation([2, 2, 2])]).toEqual([NaN, NaN, NaN]);
    expect(autocovariance([]).length).toBe(0);
    expect([...autocorrelation([1, NaN, 2])].every(Number.isNaN)).toBe(true);
  });
});
