import { describe, expect, it } from 'vitest';
import { JArray, JFunction, JRange, JTuple, MISSING, NOTHING, type Value } from '../../model/index.js';
import { CartesianIndex } from '../runtime/index.js';
import { mat, nums, vec } from '../runtime/testing.js';
import { builtins, operatorFunctions } from './index.js';
import { call } from './testing.js';

/** A function value of one argument, counting its calls. */
function fn(f: (x: number) => Value): JFunction & { calls: number } {
  const g = new JFunction('f', ([x]) => {
    g.calls++;
    return f(x as number);
  }) as JFunction & { calls: number };
  g.calls = 0;
  return g;
}

const positive = (): JFunction & { calls: number } => fn((x) => x > 0);
const op = (name: string): JFunction => operatorFunctions.get(name)!;

describe('count, any and all', () => {
  it('count the elements for which f is true, or the trues', () => {
    expect(call('count', [positive(), vec(1, -2, 3)])).toBe(2);
    expect(call('count', [vec(true, false, true)])).toBe(2);
    expect(call('count', [positive(), vec()])).toBe(0);
    expect(() => call('count', [fn((x) => x), vec(1, 2)])).toThrow('count needs true or false for each element, got the integer 1');
  });

  it('stop at the first decisive element', () => {
    const f = positive();
    expect(call('any', [f, vec(-1, 2, 3, 4)])).toBe(true);
    expect(f.calls).toBe(2);
    const g = positive();
    expect(call('all', [g, vec(1, -2, 3, 4)])).toBe(false);
    expect(g.calls).toBe(2);
  });

  it('on empty collections: any is false, all is true', () => {
    expect(call('any', [positive(), vec()])).toBe(false);
    expect(call('all', [positive(), vec()])).toBe(true);
  });

  it('with Julia’s three-valued logic for missing', () => {
    const isMissing = new JFunction('f', ([x]) => x!);
    expect(call('any', [isMissing, JArray.vector([MISSING, true], 'any')])).toBe(true);
    expect(call('any', [isMissing, JArray.vector([MISSING, false], 'any')])).toBe(MISSING);
    expect(call('all', [JArray.vector([MISSING, false], 'any')])).toBe(false);
    expect(call('all', [JArray.vector([true, MISSING], 'any')])).toBe(MISSING);
  });

  it('with a built-in predicate', () => {
    expect(call('any', [builtins.get('isnan')!, vec(1, NaN)])).toBe(true);
    expect(call('all', [builtins.get('isfinite')!, vec(1, Infinity)])).toBe(false);
  });
});

describe('filter and findall', () => {
  it('filter keeps the elements for which f is true, in the collection’s kind', () => {
    expect(nums(call('filter', [positive(), vec(1, -2, 3)]))).toEqual([1, 3]);
    expect(nums(call('filter', [positive(), new JRange(-1, 1, 2)]))).toEqual([1, 2]);
    expect(call('filter', [positive(), new JTuple([1, -1])])).toEqual(new JTuple([1]));
    const kept = call('filter', [positive(), mat([1, -2], [-3, 4])]) as JArray;
    expect([kept.shape, nums(kept)]).toEqual([[2], [1, 4]]);
    expect((call('filter', [positive(), vec()]) as JArray).shape).toEqual([0]);
    expect(() => call('filter', [fn(() => 1), vec(1)])).toThrow('filter needs true or false for each element, got the integer 1');
  });

  it('findall gives linear indices for vectors, CartesianIndex for matrices', () => {
    expect(nums(call('findall', [positive(), vec(1, -2, 3)]))).toEqual([1, 3]);
    expect(nums(call('findall', [vec(false, true)]))).toEqual([2]);
    expect((call('findall', [positive(), mat([1, -2], [-3, 4])]) as JArray).data).toEqual([new CartesianIndex([1, 1]), new CartesianIndex([2, 2])]);
    expect((call('findall', [positive(), vec(-1)]) as JArray).shape).toEqual([0]);
  });

  it('findfirst and findlast give one such index, or nothing', () => {
    expect(call('findfirst', [positive(), vec(-1, 2, 3)])).toBe(2);
    expect(call('findlast', [positive(), vec(1, 2, -3)])).toBe(2);
    expect(call('findfirst', [vec(false, false, true)])).toBe(3);
    expect(call('findlast', [positive(), mat([1, -2], [-3, -4])])).toEqual(new CartesianIndex([1, 1]));
    expect(call('findfirst', [positive(), vec(-1)])).toBe(NOTHING);
    expect(() => call('findfirst', [fn(() => 1), vec(1)])).toThrow('findfirst needs true or false for each element');
  });
});

describe('accumulate', () => {
  it('keeps each partial fold, from init when given', () => {
    expect(nums(call('accumulate', [op('+'), vec(1, 2, 3)]))).toEqual([1, 3, 6]);
    expect(nums(call('accumulate', [op('*'), vec(1, 2, 3)], { init: 10 }))).toEqual([10, 20, 60]);
    expect(nums(call('accumulate', [builtins.get('max')!, vec(1, 3, 2, 5)]))).toEqual([1, 3, 3, 5]);
    expect(nums(call('accumulate', [op('-'), new JRange(1, 1, 3)]))).toEqual([1, -1, -4]);
    expect(call('accumulate', [op('+'), new JTuple([1, 2])])).toEqual(new JTuple([1, 3]));
  });

  it('of Ints by an operation that keeps Ints gives Ints, as Julia infers', () => {
    const ints = JArray.vector([3, 1, 2], 'int');
    const eltype = (f: Value, x: Value, kwargs: Record<string, Value> = {}): string => (call('accumulate', [f, x], kwargs) as JArray).eltype;
    expect(eltype(op('+'), ints)).toBe('int');
    expect(eltype(builtins.get('max')!, ints)).toBe('int');
    expect(eltype(op('*'), new JRange(1, 1, 3))).toBe('int');
    expect(eltype(op('+'), ints, { init: 2.5 })).toBe('float');
    expect(eltype(op('/'), ints)).toBe('float');
    expect(eltype(op('+'), vec(1, 2))).toBe('float');
  });

  it('along dims of a matrix, which it needs', () => {
    const A = mat([1, 2], [3, 4]);
    expect(nums(call('accumulate', [op('+'), A], { dims: 1 }))).toEqual([1, 4, 2, 6]);
    expect(nums(call('accumulate', [op('+'), A], { dims: 2 }))).toEqual([1, 3, 3, 7]);
    expect(() => call('accumulate', [op('+'), A])).toThrow('accumulate of a 2×2 array needs `dims`');
  });
});

describe('mapreduce', () => {
  const square = fn((x) => x * x);

  it('maps, then reduces with an operator, a built-in or a function', () => {
    expect(call('mapreduce', [square, op('+'), vec(1, 2, 3)])).toBe(14);
    expect(call('mapreduce', [square, op('*'), vec(1, 2, 3)])).toBe(36);
    expect(call('mapreduce', [square, builtins.get('max')!, vec(1, -4, 3)])).toBe(16);
    const firstOf = new JFunction('first', ([a]) => a!);
    expect(call('mapreduce', [square, firstOf, vec(2, 3)])).toBe(4);
  });

  it('over several collections, and from init', () => {
    expect(call('mapreduce', [op('*'), op('+'), vec(1, 2), vec(3, 4)])).toBe(11);
    expect(call('mapreduce', [square, op('+'), vec(1, 2)], { init: 10 })).toBe(15);
    const minus = op('-');
    expect(call('mapreduce', [square, minus, vec(1, 2)], { init: 10 })).toBe(5);
  });

  it('of nothing: init, zero for +, one for *, else Julia’s error', () => {
    expect(call('mapreduce', [square, op('+'), vec()])).toBe(0);
    expect(call('mapreduce', [square, op('*'), vec()])).toBe(1);
    expect(call('mapreduce', [square, builtins.get('max')!, vec()], { init: -1 })).toBe(-1);
    expect(() => call('mapreduce', [square, builtins.get('max')!, vec()])).toThrow('reducing over an empty collection is not allowed; consider supplying `init`');
  });
});

describe('reduce, foldl, foldr, mapfoldl, mapfoldr and foreach', () => {
  const minus = op('-');
  const pair = new JFunction('pair', ([a, b]) => new JTuple([a!, b!]));

  it('reduce and foldl combine from the left, foldr from the right, each from init when given', () => {
    expect(call('reduce', [op('+'), vec(1, 2, 3)])).toBe(6);
    expect(call('reduce', [op('*'), vec(1, 2, 3)], { init: 10 })).toBe(60);
    expect(call('foldl', [minus, vec(1, 2, 3)])).toBe(1 - 2 - 3);
    expect(call('foldr', [minus, vec(1, 2, 3)])).toBe(1 - (2 - 3));
    expect(call('foldl', [minus, vec(1, 2)], { init: 10 })).toBe(10 - 1 - 2);
    expect(call('foldr', [minus, vec(1, 2)], { init: 10 })).toBe(1 - (2 - 10));
    expect(call('foldr', [pair, vec(1, 2, 3)])).toEqual(new JTuple([1, new JTuple([2, 3])]));
    expect(call('reduce', [builtins.get('max')!, new JTuple([3, 7, 5])])).toBe(7);
  });

  it('reduce concatenates with vcat and hcat, as `reduce(vcat, xs)` does in Julia', () => {
    expect(nums(call('reduce', [builtins.get('vcat')!, JArray.vector([vec(1, 2), vec(3)], 'any')]))).toEqual([1, 2, 3]);
    expect((call('reduce', [builtins.get('hcat')!, JArray.vector([vec(1, 2), vec(3, 4)], 'any')]) as JArray).shape).toEqual([2, 2]);
  });

  it('of nothing: init, zero for +, one for *, else Julia’s error naming the function', () => {
    expect(call('reduce', [op('+'), vec()])).toBe(0);
    expect(call('foldr', [op('*'), vec()])).toBe(1);
    expect(call('foldl', [minus, vec()], { init: 4 })).toBe(4);
    expect(() => call('foldl', [builtins.get('max')!, vec()])).toThrow('foldl: reducing over an empty collection is not allowed; consider supplying `init` to the reducer');
    expect(() => call('reduce', [op('+'), vec(1)], { dims: 1 })).toThrow('reduce has no keyword argument `dims` (it takes init)');
  });

  it('mapfoldl and mapfoldr map first, as mapreduce does', () => {
    const square = fn((x) => x * x);
    expect(call('mapfoldl', [square, minus, vec(1, 2, 3)])).toBe(1 - 4 - 9);
    expect(call('mapfoldr', [square, minus, vec(1, 2, 3)], { init: 1 })).toBe(1 - (4 - (9 - 1)));
  });

  it('foreach calls f on each element, or on the elements of several collections together, and gives nothing', () => {
    const f = positive();
    expect(call('foreach', [f, vec(1, -2, 3)])).toBe(NOTHING);
    expect(f.calls).toBe(3);
    const seen: Value[] = [];
    const record = new JFunction('record', (args) => {
      seen.push(new JTuple(args));
      return NOTHING;
    });
    call('foreach', [record, vec(1, 2, 3), new JTuple([10, 20])]);
    expect(seen).toEqual([new JTuple([1, 10]), new JTuple([2, 20])]);
  });
});

describe('sum, prod, maximum and minimum with a function', () => {
  it('apply it to each element first', () => {
    expect(call('sum', [fn((x) => x * x), vec(1, 2, 3)])).toBe(14);
    expect(call('prod', [fn((x) => x + 1), vec(1, 2)])).toBe(6);
    expect(call('maximum', [fn(Math.abs), vec(1, -5, 3)])).toBe(5);
    expect(call('minimum', [fn(Math.abs), vec(-1, -5, 3)])).toBe(1);
  });

  it('of an empty collection: sum is zero and prod one, as Julia gives for Float64[]; maximum is an error', () => {
    expect(call('sum', [fn((x) => x * x), vec()])).toBe(0);
    expect(call('prod', [fn((x) => x * x), vec()])).toBe(1);
    expect(() => call('maximum', [fn((x) => x), vec()])).toThrow('maximum of an empty collection');
  });
});

describe('operators as functions', () => {
  it('take Julia’s arities', () => {
    expect(op('+').call([1, 2, 3], new Map())).toBe(6);
    expect(op('+').call([4], new Map())).toBe(4);
    expect(op('-').call([4], new Map())).toBe(-4);
    expect(op('-').call([4, 1], new Map())).toBe(3);
    expect(op('!').call([true], new Map())).toBe(false);
    expect(op('<').call([1, 2], new Map())).toBe(true);
    expect(op('^').call([2, 3], new Map())).toBe(8);
    expect(() => op('/').call([1], new Map())).toThrow('/ takes 2 arguments, got 1');
  });

  it('keep the operator’s meaning on arrays', () => {
    expect(nums(op('+').call([vec(1, 2), vec(3, 4)], new Map()))).toEqual([4, 6]);
    expect(() => op('+').call([vec(1, 2), 1], new Map())).toThrow('use `.+`');
  });
});

describe("Base.broadcasted, as LazyArray(Base.broadcasted(f, x)) spells a lazy broadcast", () => {
  it('is f.(x…): every element, singleton dimensions expanded', () => {
    expect(nums(call('broadcasted', [fn((x) => 2 * x), vec(1, 2, 3)]))).toEqual([2, 4, 6]);
    expect(nums(call('broadcasted', [op('+'), vec(1, 2), mat([10, 20])]))).toEqual([11, 12, 21, 22]);
    expect(nums(call('LazyArray', [call('broadcasted', [op('*'), vec(1, 2), 3])]))).toEqual([3, 6]);
    expect(() => call('broadcasted', [op('+')])).toThrow('broadcasted');
  });
});
