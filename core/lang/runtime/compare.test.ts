import { describe, expect, it } from 'vitest';
import { JChar, JRange, JTuple, JType, MISSING, NOTHING } from '../../model/index.js';
import { compareOp, iterate, toInt, toReal, truthy } from './index.js';
import { vec } from './testing.js';

describe('compareOp', () => {
  it('compares numbers, strings and chars', () => {
    expect(compareOp('<', 1, 2)).toBe(true);
    expect(compareOp('≥', 2, 2)).toBe(true);
    expect(compareOp('==', true, 1)).toBe(true);
    expect(compareOp('===', true, 1)).toBe(false);
    expect(compareOp('==', new JChar('L'), new JChar('L'))).toBe(true);
    expect(compareOp('≠', 'a', 'b')).toBe(true);
    expect(compareOp('==', vec(1, 2), new JRange(1, 1, 2))).toBe(true);
  });

  it('handles missing and nothing by identity only', () => {
    expect(compareOp('===', MISSING, MISSING)).toBe(true);
    expect(compareOp('!==', 1, NOTHING)).toBe(true);
    expect(() => compareOp('==', MISSING, 1)).toThrow('ismissing');
  });

  it('tests membership and types', () => {
    expect(compareOp('in', 3, new JRange(1, 1, 5))).toBe(true);
    expect(compareOp('∈', 2.5, new JRange(1, 1, 5))).toBe(false);
    expect(compareOp('in', 2, vec(1, 2))).toBe(true);
    expect(compareOp('in', 'x', new JTuple(['x']))).toBe(true);
    expect(compareOp('isa', 1.5, new JType('Real'))).toBe(true);
    expect(compareOp('isa', vec(1), new JType('AbstractVector'))).toBe(true);
    expect(compareOp('isa', MISSING, new JType('Missing'))).toBe(true);
  });
});

describe('conversions', () => {
  it('accepts only Bool as a condition', () => {
    expect(truthy(true)).toBe(true);
    expect(() => truthy(1)).toThrow('non-boolean (the integer 1) used in boolean context');
  });

  it('converts numbers', () => {
    expect(toReal(true, 'x')).toBe(1);
    expect(() => toReal('a', 'the mean')).toThrow('the mean must be a number, got a string');
    expect(toInt(3, 'n')).toBe(3);
    expect(() => toInt(2.5, 'n')).toThrow('n must be an integer, got 2.5');
  });

  it('iterates like Julia', () => {
    expect([...iterate(new JRange(1, 2, 6))]).toEqual([1, 3, 5]);
    expect([...iterate(vec(4, 5))]).toEqual([4, 5]);
    expect([...iterate(7)]).toEqual([7]);
    expect([...iterate(new JTuple([1, 'a']))]).toEqual([1, 'a']);
    expect(() => iterate(NOTHING)).toThrow('cannot iterate over nothing');
  });
});
