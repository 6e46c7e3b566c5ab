import { describe, expect, it } from 'vitest';
import { JNamedTuple, JSymbol, JTuple, JType, describe as describeValue, type Value } from '../../model/index.js';
import { COLON, broadcast, compareOp, getField, getIndex, iterate, lastIndex } from './index.js';
import { vec } from './testing.js';

const nt = (...fields: [string, Value][]): JNamedTuple => new JNamedTuple(new Map(fields));
const p = nt(['μ', 1.5], ['σ', 2], ['yhat', vec(3, 4)]);

describe('named tuples at run time', () => {
  it('read fields by name; a missing field names itself and the fields there are', () => {
    expect(getField(p, 'σ')).toBe(2);
    expect(() => getField(p, 'τ')).toThrow('the named tuple has no field τ (it has μ, σ, yhat)');
    expect(() => getField(nt(), 'a')).toThrow('the named tuple is empty: it has no field a');
  });

  it('index by position, `end` included, or by Symbol; `nt[:]` is the named tuple itself, as in Julia', () => {
    expect(getIndex(p, [1])).toBe(1.5);
    expect(getIndex(p, [lastIndex(p, 0, 1)])).toBe(p.entries.get('yhat'));
    expect(getIndex(p, [JSymbol.of('σ')])).toBe(2);
    expect(() => getIndex(p, [JSymbol.of('τ')])).toThrow('the named tuple has no field τ (it has μ, σ, yhat)');
    expect(getIndex(p, [COLON])).toBe(p);
    expect(() => getIndex(p, [4])).toThrow('out of bounds');
    expect(() => getIndex(p, [vec(1, 2)])).toThrow('a named tuple (μ, σ, yhat) is indexed by one integer, as in `nt[1]`, or one Symbol, as in `nt[:a]`, or read by field name, as in `nt.a`');
  });

  it('iterate over their values in order', () => {
    expect([...iterate(p)]).toEqual([1.5, 2, p.entries.get('yhat')]);
  });

  it('are equal to a named tuple with the same names in the same order and equal values, and never to a tuple', () => {
    expect(compareOp('==', nt(['a', 1], ['b', vec(1, 2)]), nt(['a', 1.0], ['b', vec(1, 2)]))).toBe(true);
    expect(compareOp('==', nt(['a', 1], ['b', 2]), nt(['b', 2], ['a', 1]))).toBe(false);
    expect(compareOp('==', nt(['a', 1]), nt(['a', 2]))).toBe(false);
    expect(compareOp('==', nt(['a', 1]), nt(['a', 1], ['b', 2]))).toBe(false);
    expect(compareOp('==', nt(['a', 1]), new JTuple([1]))).toBe(false);
    expect(compareOp('!=', nt(['a', 1]), nt(['c', 1]))).toBe(true);
  });

  it('hold their values for `in`, are NamedTuples and not Tuples, and cannot be broadcast over', () => {
    expect(compareOp('in', 2, p)).toBe(true);
    expect(compareOp('in', 3, p)).toBe(false);
    expect(compareOp('isa', p, new JType('NamedTuple'))).toBe(true);
    expect(compareOp('isa', p, new JType('Tuple'))).toBe(false);
    expect(() => broadcast(([x]) => x!, [p])).toThrow('cannot broadcast over a named tuple (μ, σ, yhat)');
  });

  it('describe themselves by their field names', () => {
    expect(describeValue(p)).toBe('a named tuple (μ, σ, yhat)');
    expect(describeValue(nt())).toBe('an empty named tuple');
  });
});
