import { describe, expect, it } from 'vitest';
import { drawsMatrix } from '../chains/index.js';
import { essBulk, essMean, essTail, foldDraws, mcseMean, rhat, rhatTail, SharedDraws, splitChains, zScale } from './index.js';

/** Four chains of a slowly mixing AR(1) with ties, as discrete or rounded draws have. */
function chains(draws: number): Float64Array {
  const data = new Float64Array(4 * draws);
  let state = 12345;
  const uniform = () => (state = (state * 48271) % 2147483647) / 2147483647;
  for (let c = 0; c < 4; c++) {
    let v = c / 3;
    for (let i = 0; i < draws; i++) {
      v = 0.8 * v + (uniform() - 0.5);
      data[c * draws + i] = Math.round(v * 20) / 20;
    }
  }
  return data;
}

describe('SharedDraws', () => {
  for (const draws of [40, 41]) {
    it(`gives every diagnostic the value it has from the bare draws (${draws} draws per chain)`, () => {
      const x = drawsMatrix(chains(draws), draws, 4);
      const shared = new SharedDraws(x);
      expect(rhat(shared)).toBe(rhat(x));
      expect(rhatTail(shared)).toBe(rhatTail(x));
      expect(essBulk(shared)).toBe(essBulk(x));
      expect(essTail(shared)).toBe(essTail(x));
      expect(essMean(shared)).toBe(essMean(x));
      expect(mcseMean(shared)).toBe(mcseMean(x));
      expect(Array.from(shared.bulkZ.data)).toEqual(Array.from(zScale(splitChains(x)).data));
      expect(Array.from(shared.tailZ.data)).toEqual(Array.from(zScale(splitChains(foldDraws(x))).data));
    });
  }
});
