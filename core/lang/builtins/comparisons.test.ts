import { describe, expect, it } from 'vitest';
import { JArray, JFunction, JRange, JTuple, MISSING, type Value } from '../../model/index.js';
import { Pair } from '../runtime/index.js';
import { mat, vec } from '../runtime/testing.js';
import { builtins, operatorFunctions } from './index.js';
import { call } from './testing.js';

const op = (name: string): JFunction => operatorFunctions.get(name)!;
const apply = (f: Value, ...args: Value[]): Value => (f as JFunction).call(args, new Map());

describe('isequal', () => {
  it('is == but NaN equals NaN, -0.0 differs from 0.0 and missing equals missing', () => {
    expect(call('isequal', [NaN, NaN])).toBe(true);
    expect(call('isequal', [0, -0])).toBe(false);
    expect(call('isequal', [1, true])).toBe(true);
    expect(call('isequal', [MISSING, MISSING])).toBe(true);
    expect(call('isequal', [MISSING, 1])).toBe(false);
    expect(call('isequal', [vec(1, NaN), vec(1, NaN)])).toBe(true);
    expect(call('isequal', [new JTuple([1, NaN]), new JTuple([1, NaN])])).toBe(true);
    expect(call('isequal', [new Pair(1, 2), new JTuple([1, 2])])).toBe(false);
  });

  it('isequal(x) is the predicate y -> isequal(y, x)', () => {
    expect(apply(call('isequal', [3]), 3)).toBe(true);
    expect(apply(call('isequal', [NaN]), NaN)).toBe(true);
  });
});

describe('isapprox and ≈', () => {
  it('compare within √eps relative by default, and exactly when atol is given alone', () => {
    expect(call('isapprox', [1, 1 + 1e-10])).toBe(true);
    expect(call('isapprox', [1, 1 + 1e-7])).toBe(false);
    expect(call('isapprox', [0, 1e-20])).toBe(false);
    expect(call('isapprox', [0, 1e-20], { atol: 1e-12 })).toBe(true);
    expect(call('isapprox', [1, 1 + 1e-10], { atol: 1e-12 })).toBe(false);
    expect(call('isapprox', [100, 101], { rtol: 0.01 })).toBe(true);
    expect(call('isapprox', [Infinity, Infinity])).toBe(true);
    expect(call('isapprox', [NaN, NaN])).toBe(false);
    expect(call('isapprox', [NaN, NaN], { nans: true })).toBe(true);
  });

  it('two Ints (or Bools) compare exactly by default, as rtoldefault is 0 for integers; a float on either side gives √eps', () => {
    expect(call('isapprox', [100_000_000, 100_000_001])).toBe(false);
    expect(call('isapprox', [100_000_000, 100_000_000.5])).toBe(true);
    expect(call('isapprox', [1, 1])).toBe(true);
    expect(call('isapprox', [true, 1])).toBe(true);
    const ints = (...xs: number[]) => JArray.vector(xs, 'int');
    expect(call('isapprox', [ints(100_000_000, 0), ints(100_000_001, 0)])).toBe(false);
    expect(call('isapprox', [ints(100_000_000, 0), vec(100_000_001, 0)])).toBe(true);
    expect(call('isapprox', [new JRange(1, 1, 2), ints(1, 2)])).toBe(true);
    expect(call('isapprox', [100_000_000, 100_000_001], { rtol: 1e-6 })).toBe(true);
  });

  it('compare arrays by the norm of their difference, element by element where it is not finite', () => {
    expect(call('isapprox', [vec(1e-10, 1), vec(0, 1)])).toBe(true);
    expect(call('isapprox', [vec(Infinity, 1), vec(Infinity, 1 + 1e-10)])).toBe(true);
    expect(call('isapprox', [vec(Infinity, 1), vec(Infinity, 2)])).toBe(false);
    expect(() => call('isapprox', [vec(1, 2), mat([1, 2])])).toThrow('`isapprox`: dimension mismatch: a 2-element vector and a 1×2 matrix');
    expect(() => call('isapprox', [MISSING, 1])).toThrow('with missing gives missing');
    expect(() => call('isapprox', [1, 2], { norm: 1 })).toThrow('isapprox has no keyword argument `norm` (it takes atol, rtol, nans)');
    expect(() => call('isapprox', [1, 2], { atol: -1 })).toThrow('isapprox: atol must be non-negative, got -1');
  });

  it('≈ and ≉ as functions take the keywords; one argument makes a predicate', () => {
    expect(op('≈').call([1, 1.05], new Map([['rtol', 0.1]]))).toBe(true);
    expect(apply(op('≉'), 1, 2)).toBe(true);
    expect(apply(op('≈').call([1], new Map([['atol', 0.5]])), 1.4)).toBe(true);
    expect(apply(call('isapprox', [2]), 2 + 1e-12)).toBe(true);
  });
});

describe('operators applied to one argument (Base.Fix2)', () => {
  it('==(x), <(x), >=(x), !=(x), in(s) are predicates on their first operand', () => {
    expect(apply(apply(op('=='), 2), 2)).toBe(true);
    expect(apply(apply(op('<'), 0), -1)).toBe(true);
    expect(apply(apply(op('>='), 1), 0)).toBe(false);
    expect(apply(apply(op('!='), 1), 0)).toBe(true);
    expect(apply(apply(op('in'), vec(1, 2)), 2)).toBe(true);
    expect(apply(apply(op('∉'), vec(1, 2)), 3)).toBe(true);
  });

  it('serve findfirst, count and filter', () => {
    expect(call('findfirst', [apply(op('=='), 2), vec(1, 2, 2)])).toBe(2);
    expect(call('count', [apply(op('>'), 0), vec(1, -1, 3)])).toBe(2);
    expect((call('filter', [apply(op('<'), 1), vec(0.5, 2)]) as { data: Value[] }).data).toEqual([0.5]);
  });

  it('!f negates a predicate, as Julia’s (!) ∘ f', () => {
    const notNaN = apply(op('!'), builtins.get('isnan')!);
    expect(call('count', [notNaN, vec(1, NaN, 2)])).toBe(2);
  });
});
