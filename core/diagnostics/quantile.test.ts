import { describe, expect, it } from 'vitest';
import { hpd, mad, madSorted, median, quantile, quantiles, sortedCopy, sortedDeviations } from './index.js';

describe('quantiles (R type 7)', () => {
  it('matches R: quantile(1:10, c(.1, .25, .5, .9)) and quantile(c(1, 2, 3, 4), .5)', () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(quantiles(x, [0.1, 0.25, 0.5, 0.9])).toEqual([1.9, 3.25, 5.5, 9.1]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantiles([3, 1, 2], [0, 1])).toEqual([1, 3]);
  });

  it('keeps a tied value exact rather than interpolating between equal neighbours', () => {
    expect(quantile([0.1, 0.1, 0.1, 5], 0.4)).toBe(0.1);
  });

  it('mad uses the 1.4826 constant: mad(c(1, 2, 3, 4, 100)) = 1.4826', () => {
    expect(mad([1, 2, 3, 4, 100])).toBeCloseTo(1.4826, 15);
  });

  it("takes the median as R's stats::median, (a + b) / 2 rounded once, even where ½a + ½b is not (subnormal) or a + b overflows", () => {
    const tiny = Number.MIN_VALUE;
    expect(median([tiny, 2 * tiny])).toBe(2 * tiny);
    expect(quantile([tiny, 2 * tiny], 0.5)).toBe(tiny);
    expect(median([1e308, 1.5e308])).toBe(1.25e308);
    expect(median([-Infinity, Infinity])).toBeNaN();
    expect(median([1, Infinity])).toBe(Infinity);
  });

  it('is NaN for no draws, a NaN draw or a probability outside [0, 1]', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([1, NaN, 3], 0.5)).toBeNaN();
    expect(quantile([1, 2], 1.5)).toBeNaN();
    expect(mad([])).toBeNaN();
  });
});

describe('sortedDeviations', () => {
  it('gives |x − m| in ascending order, as sorting them would, for m inside, at or outside the draws', () => {
    const x = sortedCopy([5, -3, 0.5, 2, 2, -0, 0, 7.25, -1e-300, 1e300]);
    for (const m of [0, 2, 0.75, -10, 1e301, -0]) {
      const sorted = sortedCopy(Array.from(x, (v) => Math.abs(v - m)));
      expect(Array.from(sortedDeviations(x, m))).toEqual(Array.from(sorted));
    }
  });

  it('is NaN throughout for a NaN draw or an infinite centre, where mad is NaN', () => {
    expect(Array.from(sortedDeviations(sortedCopy([1, NaN, 2]), 1.5)).every(Number.isNaN)).toBe(true);
    expect(Array.from(sortedDeviations(sortedCopy([Infinity, Infinity, 1]), Infinity)).every(Number.isNaN)).toBe(true);
    expect(madSorted(sortedCopy([Infinity, Infinity, 1]))).toBeNaN();
    expect(mad([Infinity, Infinity, 1])).toBeNaN();
  });

  it('makes madSorted of sorted draws the mad of the draws', () => {
    const x = [3.2, -1, 4, 4, 0.25, 9, -7.5, 2];
    expect(madSorted(sortedCopy(x))).toBe(1.4826 * median(x.map((v) => Math.abs(v - median(x)))));
  });
});

describe('hpd (ArviZ hdi)', () => {
  it('is the narrowest interval holding ⌊prob·n⌋ + 1 sorted draws', () => {
    // 10 draws, prob .5: 5 + 1 consecutive order statistics; the tightest run is 1 … 1.5.
    const x = [0, 1, 1.1, 1.2, 1.3, 1.4, 1.5, 3, 6, 10];
    expect(hpd(x, 0.5)).toEqual([1, 1.5]);
  });

  it('differs from the central interval on a skewed sample', () => {
    const x = Array.from({ length: 1000 }, (_, i) => -Math.log(1 - (i + 0.5) / 1000));
    const [lo] = hpd(x, 0.9);
    expect(lo).toBeLessThan(quantile(x, 0.05));
    expect(lo).toBeCloseTo(x[0]!, 12);
  });

  it('covers the whole range at prob 1 and is NaN when it cannot be computed', () => {
    expect(hpd([3, 1, 2], 1)).toEqual([1, 3]);
    expect(hpd([], 0.9)).toEqual([NaN, NaN]);
    expect(hpd([1, NaN], 0.9)).toEqual([NaN, NaN]);
    expect(hpd([1, 2], 0)).toEqual([NaN, NaN]);
  });
});
