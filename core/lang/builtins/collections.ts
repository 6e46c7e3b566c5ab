import { value } from '../../ad/index.js';
import { JArray, JChar, JDate, JDateTime, JDict, JPeriod, JNamedTuple, JRange, JSymbol, JTuple, MISSING, describe, isReal, type Value } from '../../model/index.js';
import { convertForStore } from '../runtime/assign.js';
import { fail } from '../runtime/errors.js';
import { iterate } from '../runtime/iterate.js';
import { getIndex } from '../runtime/indexing.js';
import type { IndexValue } from '../runtime/index-value.js';
import { toInt, toReal } from '../runtime/convert.js';
import { arrayOf, isArrayValue, shapeOfArray } from '../runtime/shape.js';
import { broadcast } from '../runtime/broadcast.js';
import { dependsOn } from '../runtime/dependence.js';
import { dateOrder } from '../runtime/dates.js';
import { asCallable } from './callable.js';
import { allowKwargs, arg, arity, boolKwarg, builtin, single, type Builtin } from './define.js';
import { mapNamedTuples } from './named-tuples.js';

/** Generic collection functions: collect, getindex, copy, map, enumerate, zip, sort, sortperm, reverse, first, last, skipmissing, push!, append!, fill!. */

function itemsOf(name: string, v: Value): Value[] {
  if (isArrayValue(v) || v instanceof JTuple || typeof v === 'string' || v instanceof JDict) return [...iterate(v)];
  return fail(`${name} needs a collection, got ${describe(v)}`);
}

/** What `unique` compares: numbers by value (a parameter's too), characters and strings by their text, Dates by their day. */
function uniqueKey(v: Value): unknown {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof JChar) return `char ${v.value}`;
  if (v instanceof JDate) return `date ${v.days}`;
  if (v instanceof JDateTime) return `datetime ${v.ms}`;
  if (v instanceof JPeriod) return `period ${v.unit} ${v.value}`;
  if (isReal(v)) return value(v);
  return fail(`unique compares numbers, characters and strings, got ${describe(v)}`);
}

/** A growable vector the user may modify: not bound data, not more than one dimension. */
function growable(name: string, v: Value): JArray {
  if (!(v instanceof JArray) || v.ndims !== 1) return fail(`${name} needs a vector, got ${describe(v)}`);
  if (v.frozen) fail(`${name} cannot modify ${describe(v)} that is read-only (model data); work on copy(x)`);
  return v;
}

function grow(name: string, v: JArray, items: Value[]): JArray {
  const converted = items.map((x) => convertForStore(v, x));
  v.data.push(...converted);
  v.shape[0] = v.data.length;
  return v;
}

/** The elements of a vector in sort(x; rev, by)'s order, each with its 0-based position. */
function sortedItems(name: string, args: readonly Value[], kwargs: ReadonlyMap<string, Value>): { v: Value; i: number }[] {
  arity(name, args, 1);
  allowKwargs(name, kwargs, ['rev', 'by']);
  const x = arg(args, 0);
  if (isArrayValue(x) && shapeOfArray(x).length > 1) fail(`${name} of ${describe(x)} needs dims, which is not supported; sort a vector`);
  const by = kwargs.get('by');
  const key = by === undefined ? (v: Value) => v : (v: Value) => asCallable(name, by)([v]);
  const sign = boolKwarg(name, kwargs, 'rev', false) ? -1 : 1;
  const keyed = itemsOf(name, x).map((v, i) => ({ v, i, k: key(v) }));
  dependsOn(`\`${name}\``, keyed.map((e) => e.k));
  // Array.prototype.sort is stable, as Julia's default sort is for these element types.
  return keyed.sort((a, b) => sign * compareSortKeys(name, a.k, b.k));
}

/** Julia's `isless` on sort's keys: numbers, strings, characters, Symbols and Dates by value; tuples and pairs element by element (`sort(collect(d))`). */
export function compareSortKeys(name: string, a: Value, b: Value): number {
  if (a instanceof JTuple && b instanceof JTuple) {
    for (let k = 0; k < Math.min(a.items.length, b.items.length); k++) {
      const c = compareSortKeys(name, a.items[k]!, b.items[k]!);
      if (c !== 0) return c;
    }
    return a.items.length - b.items.length;
  }
  const order = (k: Value): number | string =>
    typeof k === 'string' ? k : k instanceof JChar ? k.value : k instanceof JSymbol ? k.name : (dateOrder(k)?.at ?? value(toReal(k, `${name}: an element`)));
  const [ka, kb] = [order(a), order(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The columns or rows of a matrix (a vector is one column) as vectors, in plain loops: a model may cut them at every evaluation. */
function cut(a: JArray, byRow: boolean): JArray {
  const [rows, cols] = [a.shape[0]!, a.shape[1] ?? 1];
  const [count, length] = byRow ? [rows, cols] : [cols, rows];
  const [step, stride] = byRow ? [1, rows] : [rows, 1];
  const slices: JArray[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const data: (Value | undefined)[] = new Array(length);
    for (let j = 0, at = k * step; j < length; j++, at += stride) data[j] = a.data[at];
    slices[k] = JArray.vector(data, a.eltype);
  }
  return JArray.vector(slices, 'any');
}

/** Bound data never changes (it is frozen), so its rows and columns are cut once per data set, and are frozen too. */
const cutData = { eachcol: new WeakMap<JArray, JArray>(), eachrow: new WeakMap<JArray, JArray>() };

/** eachcol(A) / eachrow(A): the columns or rows of a matrix (a vector is one column) as vectors. */
function slices(name: 'eachcol' | 'eachrow'): Builtin {
  return single(`${name}(A)`, (a) => {
    if (!(a instanceof JArray) || a.ndims < 1 || a.ndims > 2) return fail(`${name} needs a matrix, got ${describe(a)}`);
    if (!a.frozen) return cut(a, name === 'eachrow');
    let kept = cutData[name].get(a);
    if (kept === undefined) {
      kept = cut(a, name === 'eachrow');
      for (const slice of kept.data as JArray[]) slice.frozen = true;
      kept.frozen = true;
      cutData[name].set(a, kept);
    }
    return kept;
  });
}

/** `(i, x[i])` for each element of a collection, numbered from 1. */
function numbered(name: string, x: Value): JArray {
  return JArray.vector(itemsOf(name, x).map((v, i) => new JTuple([i + 1, v])), 'any');
}

/** first(x) / first(x, n) and last(x) / last(x, n). */
function end(name: 'first' | 'last'): Builtin {
  return builtin(`${name}(x) / ${name}(x, n)`, (args, kwargs) => {
    arity(name, args, 1, 2);
    allowKwargs(name, kwargs);
    // A number is a collection of itself in Julia: `first(3)` is 3, as a row-wise `first(:a)` reads a cell.
    if (args.length === 1 && isReal(arg(args, 0))) return arg(args, 0);
    const items = itemsOf(name, arg(args, 0));
    if (args.length === 2) {
      const n = Math.min(toInt(arg(args, 1), `${name}: n`), items.length);
      return arrayOf([n], name === 'first' ? items.slice(0, n) : items.slice(items.length - n));
    }
    if (items.length === 0) fail(`${name} of an empty collection`);
    return name === 'first' ? items[0]! : items[items.length - 1]!;
  });
}

export const collectionBuiltins: Builtin[] = [
  // Base's `Iterators.flatten(xs)` (reached by its qualified name only), as CJS simulations flatten their marking
  // occasions: the inner collections' elements in order, already collected.
  builtin('Iterators.flatten(x)', (args, kwargs) => {
    arity('Iterators.flatten', args, 1);
    allowKwargs('Iterators.flatten', kwargs);
    const out = itemsOf('Iterators.flatten', arg(args, 0)).flatMap((inner) => itemsOf('Iterators.flatten', inner));
    return arrayOf([out.length], out);
  }),
  builtin('collect(x)', (args, kwargs) => {
    arity('collect', args, 1);
    allowKwargs('collect', kwargs);
    const x = arg(args, 0);
    if (isArrayValue(x)) return arrayOf(shapeOfArray(x).slice(), [...iterate(x)]);
    return arrayOf([], [x]).data.length && typeof x !== 'string' && !(x instanceof JTuple) ? new JArray([], [x], 'any') : arrayOf([itemsOf('collect', x).length], itemsOf('collect', x));
  }),
  // `getindex(x, i...)` is `x[i...]`: scripts broadcast it over keys, `getindex.(Ref(lookup), df.county)`.
  builtin('getindex(x, i...)', (args, kwargs) => {
    arity('getindex', args, 1, Infinity);
    allowKwargs('getindex', kwargs);
    return getIndex(arg(args, 0), args.slice(1) as IndexValue[]);
  }),
  builtin('copy(x)', (args, kwargs) => {
    arity('copy', args, 1);
    allowKwargs('copy', kwargs);
    const x = arg(args, 0);
    return x instanceof JArray ? x.copy() : x;
  }),
  builtin('map(f, xs...)', (args, kwargs) => {
    arity('map', args, 2, Infinity);
    allowKwargs('map', kwargs);
    const f = asCallable('map', arg(args, 0));
    const colls = args.slice(1);
    if (colls.some((c) => c instanceof JNamedTuple)) return mapNamedTuples(f, colls);
    if (colls.every((c) => !isArrayValue(c) && !(c instanceof JTuple))) return f(colls);
    const lists = colls.map((c) => itemsOf('map', c));
    const n = Math.min(...lists.map((l) => l.length));
    const out = Array.from({ length: n }, (_, k) => f(lists.map((l) => l[k]!)));
    if (colls.every((c) => c instanceof JTuple)) return new JTuple(out);
    const first = colls[0]!;
    const shape = isArrayValue(first) && first.length === n ? shapeOfArray(first).slice() : [n];
    return arrayOf(shape, out);
  }),
  single('enumerate(x)', (x) => numbered('enumerate', x)),
  slices('eachcol'),
  slices('eachrow'),
  single('pairs(x)', (x) => {
    if (isArrayValue(x) && shapeOfArray(x).length > 1) fail('pairs of a matrix gives CartesianIndex keys, which Tilde does not iterate; use `for i in eachindex(x)`');
    // For a vector or a tuple, Julia's `i => x[i]` pairs destructure as enumerate's `(i, x[i])` do.
    return numbered('pairs', x);
  }),
  builtin('zip(xs...)', (args, kwargs) => {
    arity('zip', args, 1, Infinity);
    allowKwargs('zip', kwargs);
    const lists = args.map((a) => itemsOf('zip', a));
    const n = Math.min(...lists.map((l) => l.length));
    return JArray.vector(Array.from({ length: n }, (_, k) => new JTuple(lists.map((l) => l[k]!))), 'any');
  }),
  builtin('sort(x; rev = false, by)', (args, kwargs) => {
    const sorted = sortedItems('sort', args, kwargs);
    return arrayOf([sorted.length], sorted.map((e) => e.v));
  }),
  builtin('sortperm(x; rev = false, by)', (args, kwargs) => {
    const sorted = sortedItems('sortperm', args, kwargs);
    return JArray.vector(sorted.map((e) => e.i + 1), 'int');
  }),
  single('unique(x)', (x) => {
    const items = itemsOf('unique', x);
    dependsOn('`unique`', items);
    const seen = new Set<unknown>();
    const kept: Value[] = [];
    for (const v of items) {
      const key = uniqueKey(v);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(v);
    }
    return arrayOf([kept.length], kept);
  }),
  // LazyArrays' `LazyArray(@~ BernoulliLogit.(η))`, which Turing's performance tips recommend: Tilde's
  // broadcast already makes the distributions once, so the array itself is what it stands for.
  single('LazyArray(x)', (x) => x),
  // The other spelling of it, `LazyArray(Base.broadcasted(f, x))` (DynamicPPL's benchmarks and ADTests):
  // the broadcast made now, which LazyArray then leaves as it is.
  builtin('broadcasted(f, args...)', (args, kwargs) => {
    arity('broadcasted', args, 2, Infinity);
    allowKwargs('broadcasted', kwargs);
    return broadcast(asCallable('broadcasted', arg(args, 0)), args.slice(1));
  }),
  builtin('reverse(x)', (args, kwargs) => {
    arity('reverse', args, 1);
    allowKwargs('reverse', kwargs);
    const x = arg(args, 0);
    if (x instanceof JRange) return new JRange(x.last, -x.step, x.start);
    if (x instanceof JTuple) return new JTuple(x.items.slice().reverse());
    const items = itemsOf('reverse', x).reverse();
    return arrayOf(x instanceof JArray ? x.shape.slice() : [items.length], items);
  }),
  end('first'),
  end('last'),
  builtin('push!(x, v...)', (args, kwargs) => {
    arity('push!', args, 1, Infinity);
    allowKwargs('push!', kwargs);
    return grow('push!', growable('push!', arg(args, 0)), args.slice(1));
  }),
  // Julia's skipmissing is a lazy iterator; sum, mean and collect over it see the same elements as this vector.
  single('skipmissing(x)', (x) => {
    const kept = itemsOf('skipmissing', x).filter((v) => v !== MISSING);
    return arrayOf([kept.length], kept);
  }),
  builtin('fill!(A, v)', (args, kwargs) => {
    arity('fill!', args, 2);
    allowKwargs('fill!', kwargs);
    const a = arg(args, 0);
    if (!(a instanceof JArray)) return fail(`fill! needs an array, got ${describe(a)}`);
    if (a.frozen) fail(`fill! cannot modify ${describe(a)} that is read-only (model data); work on copy(x)`);
    const v = convertForStore(a, arg(args, 1));
    a.data.fill(v);
    return a;
  }),
  // `insert!(v, i, x)`: x placed at index i, the elements from i on moved one along.
  builtin('insert!(v, i, x)', (args, kwargs) => {
    arity('insert!', args, 3);
    allowKwargs('insert!', kwargs);
    const v = growable('insert!', arg(args, 0));
    const i = toInt(arg(args, 1), 'insert!: the index');
    if (i < 1 || i > v.length + 1) fail(`BoundsError: insert! at index ${i} of a vector of ${v.length}`);
    v.data.splice(i - 1, 0, convertForStore(v, arg(args, 2)));
    v.shape[0] = v.data.length;
    return v;
  }),
  builtin('append!(x, ys...)', (args, kwargs) => {
    arity('append!', args, 1, Infinity);
    allowKwargs('append!', kwargs);
    return grow('append!', growable('append!', arg(args, 0)), args.slice(1).flatMap((y) => itemsOf('append!', y)));
  }),
];
