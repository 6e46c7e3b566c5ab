import { describe, expect, it } from 'vitest';
import { JChar, JNamedTuple, JRange, JSymbol, JTuple, JType, MISSING, NOTHING, UniformScaling } from '../../model/index.js';
import { Pair } from '../runtime/index.js';
import { mat, vec } from '../runtime/testing.js';
import { builtins } from './index.js';
import { call } from './testing.js';

describe('string', () => {
  it('joins the values as Julia prints them', () => {
    expect(call('string', ['θ', 3])).toBe('θ3');
    expect(call('string', [2.5, ' ', true, ' ', new JChar('c'), ' ', JSymbol.of('a'), ' ', MISSING, ' ', NOTHING, ' ', new JType('Float64')])).toBe('2.5 true c a missing nothing Float64');
    expect(call('string', [])).toBe('');
  });

  it('prints floats in Julia’s shortest form, plain between 1e-4 and 1e6', () => {
    expect(call('string', [0.1])).toBe('0.1');
    expect(call('string', [1e-4])).toBe('0.0001');
    expect(call('string', [1e-5])).toBe('1.0e-5');
    expect(call('string', [1.5e-7])).toBe('1.5e-7');
    expect(call('string', [123456.5])).toBe('123456.5');
    expect(call('string', [1234567.5])).toBe('1.2345675e6');
    expect(call('string', [1e300])).toBe('1.0e300');
    expect(call('string', [-0, ' ', Infinity, ' ', -Infinity, ' ', NaN])).toBe('-0.0 Inf -Inf NaN');
  });

  it('prints collections with their elements shown: strings quoted, an array of floats all as floats', () => {
    expect(call('string', [vec(1, 2.5)])).toBe('[1.0, 2.5]');
    expect(call('string', [vec(1, 2)])).toBe('[1, 2]');
    expect(call('string', [mat([1, 2], [3, 4])])).toBe('[1 2; 3 4]');
    expect(call('string', [new JTuple([1, 'a'])])).toBe('(1, "a")');
    expect(call('string', [new JTuple([1])])).toBe('(1,)');
    expect(call('string', [new JNamedTuple(new Map([['a', 1]]))])).toBe('(a = 1,)');
    expect(call('string', [new Pair(JSymbol.of('s'), 2)])).toBe(':s => 2');
    expect(call('string', [new JRange(1, 1, 3), ' ', new JRange(0, 0.5, 1)])).toBe('1:3 0.0:0.5:1.0');
  });

  it('prints a function as its name, and refuses what it cannot print', () => {
    expect(call('string', [builtins.get('sum')!])).toBe('sum');
    expect(() => call('string', [new UniformScaling(1)])).toThrow('string of the identity I is not supported');
  });
});
