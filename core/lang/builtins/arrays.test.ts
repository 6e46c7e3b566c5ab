import { describe, expect, it } from 'vitest';
import { JArray, JFunction, JRange, JTuple, JType, MISSING, UniformScaling } from '../../model/index.js';
import { binaryOp, RowVector, setIndex } from '../runtime/index.js';
import { mat, nums, vec } from '../runtime/testing.js';
import { UNDEF } from './index.js';
import { call, construct } from './testing.js';

const A = mat([1, 2, 3], [4, 5, 6]);

describe('sizes', () => {
  it('report shapes as Julia does', () => {
    expect(call('length', [A])).toBe(6);
    expect(call('size', [A])).toEqual(new JTuple([2, 3]));
    expect(call('size', [A, 2])).toBe(3);
    expect(call('size', [A, 3])).toBe(1);
    expect(call('ndims', [A])).toBe(2);
    const r = call('eachindex', [vec(4, 5, 6)]) as JRange;
    expect([r.start, r.last]).toEqual([1, 3]);
    expect((call('axes', [A, 2]) as JRange).last).toBe(3);
    expect(call('lastindex', [A, 1])).toBe(2);
    expect(call('lastindex', [A])).toBe(6);
    expect(call('firstindex', [A])).toBe(1);
    expect(call('length', [new JRange(1, 1, 0)])).toBe(0);
    expect(() => call('eachindex', [vec(1), vec(1, 2)])).toThrow('same length');
  });
});

describe('constructors', () => {
  it('refuse an array too large to hold at the call, before filling memory for seconds and dying of it', () => {
    expect(() => call('zeros', [1e9])).toThrow('an array this large cannot be allocated (zeros: dimensions 1000000000 make 1,000,000,000 elements, 8.00 GB of numbers; one array holds 30,000,000 at most): check the size this asks for');
    expect(() => call('fill', [0.5, new JTuple([100000, 100000])])).toThrow('(fill: dimensions 100000 × 100000 make 10,000,000,000 elements');
    expect((call('zeros', [1000, 1000]) as JArray).shape).toEqual([1000, 1000]);
  });

  it('build filled arrays', () => {
    const z = call('zeros', [2, 3]) as JArray;
    expect(z.shape).toEqual([2, 3]);
    expect(z.eltype).toBe('float');
    expect((call('zeros', [new JType('Int64'), 2]) as JArray).eltype).toBe('int');
    expect(nums(call('ones', [new JTuple([2])]))).toEqual([1, 1]);
    const f = call('fill', [0.5, 2, 2]) as JArray;
    expect(f.shape).toEqual([2, 2]);
    expect(nums(call('Fill', [3, 2]))).toEqual([3, 3]);
    expect(nums(call('Zeros', [2]))).toEqual([0, 0]);
    // Turing's tzeros(Int, N), from the HMM tutorial: zeros outside particle samplers.
    expect((call('tzeros', [new JType('Int'), 3]) as JArray).eltype).toBe('int');
    expect(nums(call('tzeros', [new JType('Int'), 3]))).toEqual([0, 0, 0]);
    expect((call('trues', [2, 2]) as JArray).data).toEqual([true, true, true, true]);
    expect((call('falses', [2]) as JArray).eltype).toBe('bool');
    const s = call('similar', [A]) as JArray;
    expect(s.shape).toEqual([2, 3]);
    expect(s.data.every((x) => x === undefined)).toBe(true);
  });

  it('build uninitialised arrays from types, holding AD values too', () => {
    const v = construct('Vector', ['Float64'], [UNDEF, 3]) as JArray;
    expect(v.shape).toEqual([3]);
    expect(v.eltype).toBe('float');
    const m = construct('Matrix', ['Float64'], [UNDEF, 2, 2]) as JArray;
    expect(m.shape).toEqual([2, 2]);
    const a = construct('Array', ['Int64'], [UNDEF, 2, 3, 4]) as JArray;
    expect(a.shape).toEqual([2, 3, 4]);
    expect(a.eltype).toBe('int');
    expect(nums(construct('Matrix', [], [A]))).toEqual(nums(A));
    const eye = construct('Matrix', [], [new UniformScaling(2), 2, 2]) as JArray;
    expect(eye.shape).toEqual([2, 2]);
    expect(nums(eye)).toEqual([2, 0, 0, 2]);
    expect(nums(construct('Vector', ['Float64'], [vec(true, false)]))).toEqual([1, 0]);
    expect(() => construct('Vector', ['Float64'], [UNDEF, 2, 2])).toThrow('needs 1 dimension');
  });

  it('convert numbers', () => {
    expect(construct('Float64', [], [true])).toBe(1);
    expect(construct('Int64', [], [3])).toBe(3);
    expect(() => construct('Int64', [], [2.5])).toThrow('InexactError');
    expect(() => construct('Float64', [], [vec(1)])).toThrow('Float64.(x)');
    expect(call('convert', [new JType('Float64'), 2])).toBe(2);
    // DynamicPPL's tests grow an argument with `vcat(x, oftype(first(x), 2))`.
    expect([call('oftype', [1.5, 2]), call('oftype', [3, 2.5])]).toEqual([2, 2.5]);
    expect(nums(call('oftype', [vec(1.5, 2.5), JArray.vector([1, 2], 'int')]) as JArray)).toEqual([1, 2]);
    expect(call('eltype', [vec(1.5)])).toEqual(new JType('Float64'));
    expect(call('eltype', [JArray.vector([1, 2], 'any')])).toEqual(new JType('Float64'));
    expect(call('eps', [])).toBe(Number.EPSILON);
    expect(call('eps', [1])).toBe(Number.EPSILON);
    expect(call('eps', [new JType('Float32')])).toBe(Math.pow(2, -23));
    expect(call('typemax', [new JType('Float64')])).toBe(Infinity);
    expect(call('typemin', [new JType('Float64')])).toBe(-Infinity);
    expect(call('typemax', [new JType('Int64')])).toBe(9223372036854775807);
    expect(call('typemin', [new JType('Int64')])).toBe(-9223372036854775808);
    expect(call('typemax', [new JType('Int32')])).toBe(2147483647);
    expect(call('typemax', [new JType('Bool')])).toBe(true);
    expect(call('typemax', [2.5])).toBe(Infinity);
    expect(call('floatmax', [new JType('Float64')])).toBe(1.7976931348623157e308);
    expect(call('floatmin', [])).toBe(2.2250738585072014e-308);
    expect(call('floatmax', [new JType('Float32')])).toBe(3.4028234663852886e38);
    expect(() => call('floatmax', [new JType('Int64')])).toThrow('floatmax is not defined for the type Int64');
    expect(call('zero', [new JType('Float64')])).toBe(0);
    expect(nums(call('zero', [vec(3, 4)]))).toEqual([0, 0]);
    expect(nums(call('one', [mat([5, 6], [7, 8])]))).toEqual([1, 0, 0, 1]);
  });
});

describe('concatenation and reshaping', () => {
  it('vcat and hcat', () => {
    expect(nums(call('vcat', [1, vec(2, 3)]))).toEqual([1, 2, 3]);
    const h = call('hcat', [vec(1, 2), vec(3, 4)]) as JArray;
    expect(h.shape).toEqual([2, 2]);
    expect(nums(h)).toEqual([1, 2, 3, 4]);
    const row = call('hcat', [1, 2, 3]) as JArray;
    expect(row.shape).toEqual([1, 3]);
    const m = call('vcat', [call('hcat', [1, 2]), call('hcat', [3, 4])]) as JArray;
    expect(m.shape).toEqual([2, 2]);
    expect(nums(m)).toEqual([1, 3, 2, 4]);
    expect(() => call('vcat', [mat([1, 2]), mat([1, 2, 3])])).toThrow('different numbers of columns (2 and 3)');
    expect(() => call('hcat', [vec(1, 2), vec(1)])).toThrow('different numbers of rows');
  });

  it('cat along dims: sizes add up along them, the others must agree; several dims place blocks diagonally', () => {
    expect(nums(call('cat', [vec(1, 2), vec(3)], { dims: 1 }))).toEqual([1, 2, 3]);
    const h = call('cat', [vec(1, 2), vec(3, 4)], { dims: 2 }) as JArray;
    expect([h.shape, nums(h)]).toEqual([[2, 2], [1, 2, 3, 4]]);
    const layers = call('cat', [mat([1, 2]), mat([3, 4])], { dims: 3 }) as JArray;
    expect([layers.shape, nums(layers)]).toEqual([[1, 2, 2], [1, 2, 3, 4]]);
    const blocks = call('cat', [mat([1, 2], [3, 4]), 5], { dims: new JTuple([1, 2]) }) as JArray;
    expect([blocks.shape, nums(blocks)]).toEqual([[3, 3], [1, 3, 0, 2, 4, 0, 0, 0, 5]]);
    expect(() => call('cat', [vec(1, 2), vec(3)], { dims: 2 })).toThrow('cat: mismatch in dimension 1 (expected 2, got 1)');
    expect(() => call('cat', [vec(1)])).toThrow('cat needs the keyword dims');
  });

  it('stack: slices of one shape along a new last dimension, or along dims', () => {
    const cols = call('stack', [JArray.vector([vec(1, 2), vec(3, 4), vec(5, 6)], 'any')]) as JArray;
    expect([cols.shape, nums(cols)]).toEqual([[2, 3], [1, 2, 3, 4, 5, 6]]);
    const rows = call('stack', [JArray.vector([vec(1, 2), vec(3, 4), vec(5, 6)], 'any')], { dims: 1 }) as JArray;
    expect([rows.shape, nums(rows)]).toEqual([[3, 2], [1, 3, 5, 2, 4, 6]]);
    const doubled = call('stack', [new JFunction('f', ([v]) => binaryOp('*', 2, v!)), new JTuple([vec(1, 2), vec(3, 4)])]) as JArray;
    expect(nums(doubled)).toEqual([2, 4, 6, 8]);
    expect(nums(call('stack', [vec(1, 2, 3)]))).toEqual([1, 2, 3]);
    expect(() => call('stack', [JArray.vector([vec(1, 2), vec(3)], 'any')])).toThrow('stack: the slices must all have the same size');
    expect(() => call('stack', [JArray.vector([vec(1, 2)], 'any')], { dims: 3 })).toThrow('stack: dims must be between 1 and 2, got 3');
  });

  it('reshape, vec, collect', () => {
    const r = call('reshape', [new JRange(1, 1, 6), 2, 3]) as JArray;
    expect(r.shape).toEqual([2, 3]);
    expect(nums(call('vec', [r]))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => call('reshape', [vec(1, 2, 3), 2, 2])).toThrow('cannot reshape 3 elements into a 2×2 matrix');
    expect(nums(call('collect', [new JRange(1, 2, 5)]))).toEqual([1, 3, 5]);
    // Base's Iterators.flatten, as BPA's CJS simulation flattens its marking occasions (`collect(Iterators.flatten(mark_occ))`).
    const flat = call('Iterators.flatten', [JArray.vector([vec(1, 1), vec(2), new JRange(3, 1, 4)])]);
    expect(nums(call('collect', [flat]))).toEqual([1, 1, 2, 3, 4]);
  });
});

describe('collections', () => {
  const square = new JFunction('square', ([x]) => binaryOp('*', x!, x!));

  it('map, enumerate, zip, first, last', () => {
    expect(nums(call('map', [square, vec(1, 2, 3)]))).toEqual([1, 4, 9]);
    expect(call('map', [square, new JTuple([2])])).toEqual(new JTuple([4]));
    const e = call('enumerate', [vec(7, 8)]) as JArray;
    expect(e.data).toEqual([new JTuple([1, 7]), new JTuple([2, 8])]);
    const z = call('zip', [vec(1, 2, 3), vec(4, 5)]) as JArray;
    expect(z.length).toBe(2);
    expect(call('first', [new JRange(3, 1, 5)])).toBe(3);
    expect(call('last', [vec(1, 2, 9)])).toBe(9);
    // A number is a collection of itself, as in Julia.
    expect([call('first', [3]), call('last', [2.5])]).toEqual([3, 2.5]);
    expect(nums(call('first', [vec(1, 2, 9), 2]))).toEqual([1, 2]);
  });

  it('eachcol, eachrow and pairs', () => {
    expect((call('eachcol', [A]) as JArray).data.map((c) => nums(c as JArray))).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect((call('eachrow', [A]) as JArray).data.map((r) => nums(r as JArray))).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect((call('eachcol', [vec(7, 8)]) as JArray).data.map((c) => nums(c as JArray))).toEqual([[7, 8]]);
    expect(call('pairs', [vec(7, 8)])).toEqual(JArray.vector([new JTuple([1, 7]), new JTuple([2, 8])], 'any'));
    expect(() => call('pairs', [A])).toThrow('pairs of a matrix gives CartesianIndex keys');
  });

  it("bound data's rows and columns are cut once and are read-only too, since a model may cut them at every evaluation", () => {
    const data = mat([1, 2, 3], [4, 5, 6]);
    data.frozen = true;
    const rows = call('eachrow', [data]) as JArray;
    expect(call('eachrow', [data])).toBe(rows);
    expect(call('eachcol', [data])).toBe(call('eachcol', [data]));
    expect([rows.frozen, (rows.data[1] as JArray).frozen]).toEqual([true, true]);
    expect(() => setIndex(rows.data[0] as JArray, [1], 9, false)).toThrow('read-only');
    // A matrix the model may still change is cut afresh each time.
    expect(call('eachrow', [A])).not.toBe(call('eachrow', [A]));
  });

  it('unique keeps first appearances in order, comparing numbers by value', () => {
    expect(nums(call('unique', [vec(3, 1, 3, 2, 1)]))).toEqual([3, 1, 2]);
    expect(nums(call('unique', [mat([1, 2], [2, 1])]))).toEqual([1, 2]);
    expect(nums(call('unique', [vec()]))).toEqual([]);
    expect(() => call('unique', [new JTuple([vec(1), vec(1)])])).toThrow('unique compares numbers, characters and strings, got a vector of length 1');
  });

  it('sort and reverse', () => {
    expect(nums(call('sort', [vec(3, 1, 2)]))).toEqual([1, 2, 3]);
    expect(nums(call('sort', [vec(3, 1, 2)], { rev: true }))).toEqual([3, 2, 1]);
    expect(nums(call('sortperm', [vec(3, 1, 2)]))).toEqual([2, 3, 1]);
    expect(nums(call('sortperm', [vec(3, 1, 3, 2)], { rev: true }))).toEqual([1, 3, 4, 2]);
    expect(nums(call('reverse', [vec(1, 2, 3)]))).toEqual([3, 2, 1]);
    const r = call('reverse', [new JRange(1, 1, 3)]) as JRange;
    expect([r.start, r.step, r.last]).toEqual([3, -1, 1]);
  });

  it('skipmissing leaves out the missing elements; fill! overwrites an array in place, but not data', () => {
    expect(nums(call('skipmissing', [JArray.vector([1, MISSING, 3], 'any')]))).toEqual([1, 3]);
    expect(call('sum', [call('skipmissing', [JArray.vector([1, MISSING, 3], 'any')])])).toBe(4);
    const z = call('zeros', [2, 2]) as JArray;
    expect(call('fill!', [z, 7])).toBe(z);
    expect(nums(z)).toEqual([7, 7, 7, 7]);
    const data = vec(1, 2);
    data.frozen = true;
    expect(() => call('fill!', [data, 0])).toThrow('read-only');
  });

  it('push! and append! grow vectors but not data', () => {
    const x = vec(1);
    call('push!', [x, 2]);
    call('append!', [x, vec(3, 4)]);
    expect(x.shape).toEqual([4]);
    expect(nums(x)).toEqual([1, 2, 3, 4]);
    const data = vec(1);
    data.frozen = true;
    expect(() => call('push!', [data, 2])).toThrow('read-only');
  });

  it('insert! places a value at an index, moving the rest along, as Base does', () => {
    const x = vec(10, 20, 30);
    call('insert!', [x, 2, 15]);
    call('insert!', [x, 5, 40]);
    expect(x.shape).toEqual([5]);
    expect(nums(x)).toEqual([10, 15, 20, 30, 40]);
    expect(() => call('insert!', [x, 7, 0])).toThrow('BoundsError');
  });

  it('copy gives an unfrozen, independent array', () => {
    const data = vec(1, 2);
    data.frozen = true;
    const c = call('copy', [data]) as JArray;
    setIndex(c, [1], 5, false);
    expect(nums(data)).toEqual([1, 2]);
    expect(c.frozen).toBe(false);
  });

  it('transpose and adjoint', () => {
    const t = call('transpose', [vec(1, 2)]);
    expect(t).toBeInstanceOf(RowVector);
    expect(call('adjoint', [t])).toBeInstanceOf(JArray);
    const at = call('adjoint', [A]) as JArray;
    expect(at.shape).toEqual([3, 2]);
    expect(nums(at)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
