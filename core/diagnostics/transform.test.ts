import { describe, expect, it } from 'vitest';
import { drawsMatrix } from '../chains/index.js';
import { qnorm, ranks, sortedCopy, zScale } from './index.js';

describe('ranks', () => {
  it('gives ties their average rank and leaves NaN unranked, as R rank(c(3, 1, 2, 2, NA), na.last = "keep")', () => {
    expect(Array.from(ranks([3, 1, 2, 2, NaN]))).toEqual([4, 1, 2.5, 2.5, NaN]);
    expect(Array.from(ranks([0, -0, 1]))).toEqual([1.5, 1.5, 3]);
    expect(Array.from(ranks([7, 7, 7]))).toEqual([2, 2, 2]);
  });

  it('gives the same ranks from values sorted in advance', () => {
    const x = [0.3, -2, 5, 0.3, Infinity, -Infinity, 0.3, 1e-9, NaN, 4];
    expect(Array.from(ranks(x, sortedCopy(x)))).toEqual(Array.from(ranks(x)));
  });
});

describe('zScale', () => {
  it("maps ranks through the normal quantile at Blom's offsets, ties included", () => {
    const z = zScale(drawsMatrix(Float64Array.from([2, 1, 3, 3]), 4, 1)).data;
    const s = 4 + 1 / 4;
    expect(Array.from(z)).toEqual([qnorm((2 - 3 / 8) / s), qnorm((1 - 3 / 8) / s), qnorm((3.5 - 3 / 8) / s), qnorm((3.5 - 3 / 8) / s)]);
  });

  it('agrees across sizes asked for in turn (its table of whole-rank scores follows the size)', () => {
    const small = drawsMatrix(Float64Array.from([1, 2]), 2, 1);
    const large = drawsMatrix(Float64Array.from([1, 2, 3]), 3, 1);
    const first = Array.from(zScale(small).data);
    zScale(large);
    expect(Array.from(zScale(small).data)).toEqual(first);
    expect(first).toEqual([qnorm((1 - 3 / 8) / 2.25), qnorm((2 - 3 / 8) / 2.25)]);
  });
});
