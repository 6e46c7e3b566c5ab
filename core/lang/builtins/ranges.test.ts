import { describe, expect, it } from 'vitest';
import { JRange } from '../../model/index.js';
import { nums } from '../runtime/testing.js';
import { call } from './testing.js';

describe('range and LinRange', () => {
  it('n evenly spaced points with exact ends (numpy linspace for reference)', () => {
    const expected = [0, 0.16666666666666666, 0.3333333333333333, 0.5, 0.6666666666666666, 0.8333333333333333, 1];
    expect(nums(call('range', [0, 1], { length: 7 }))).toEqual(expected.map((v) => expect.closeTo(v, 15)));
    expect(nums(call('range', [0, 1, 7]))).toEqual(expected.map((v) => expect.closeTo(v, 15)));
    expect(nums(call('LinRange', [0, 1, 7]))).toEqual(expected.map((v) => expect.closeTo(v, 15)));
    expect(nums(call('range', [1, 10], { length: 10 }))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a step with a stop is the range start:step:stop; a step with a length counts from start', () => {
    const r = call('range', [1, 2], { step: 0.25 }) as JRange;
    expect(r).toBeInstanceOf(JRange);
    expect([r.start, r.step, r.length]).toEqual([1, 0.25, 5]);
    expect(nums(call('range', [2], { step: 3, length: 3 }))).toEqual([2, 5, 8]);
    expect(nums(call('range', [], { stop: 8, step: 3, length: 3 }))).toEqual([2, 5, 8]);
  });

  it('a float range holds the decimals Julia prints (its twice-precision elements), not repeated additions', () => {
    // In Julia: collect(0:0.1:1)[4] == 0.3, (0.1:0.1:1)[3] == 0.3, last(0:0.1:0.95) == 0.9.
    const tenths = new JRange(0, 0.1, 1);
    expect([tenths.length, tenths.at(3), tenths.at(7), tenths.last]).toEqual([11, 0.3, 0.7, 1]);
    expect(new JRange(0.1, 0.1, 1).at(2)).toBe(0.3);
    expect(new JRange(0, 0.1, 0.95).last).toBe(0.9);
    expect(new JRange(1, 2, 6).last).toBe(5);
  });

  it('need exactly three of start, stop, length and step', () => {
    expect(() => call('range', [0, 1])).toThrow('range needs exactly three of start, stop, length and step');
    expect(() => call('LinRange', [0, Infinity, 3])).toThrow('LinRange needs finite ends');
  });
});
