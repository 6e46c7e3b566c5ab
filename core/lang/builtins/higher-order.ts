import { ops } from '../../ad/index.js';
import { JArray, JChar, JDict, JFunction, JRange, JTuple, MISSING, NOTHING, describe, isReal, type ElementType, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { iterate } from '../runtime/iterate.js';
import { dictSet } from '../runtime/dict.js';
import type { Pair } from '../runtime/pair.js';
import { CartesianIndex } from '../runtime/special-arrays.js';
import { toInt } from '../runtime/convert.js';
import { alongDimension, arrayOf, cartesianPosition, elementAt, inferEltype, isArrayValue, materialize } from '../runtime/shape.js';
import { elementTypeOfArray } from '../runtime/types.js';
import { asCallable } from './callable.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';
import { operatorFunctions } from './operators.js';

/**
 * Functions that take a function: predicates over a collection (`count`, `any`, `all`, `filter`,
 * `findall`, `findfirst`, `findlast`), folds (`reduce`, `foldl`, `foldr`, `mapreduce`, `mapfoldl`, `mapfoldr`), `accumulate` and `foreach`.
 * `sum(f, x)`, `maximum(f, x)` … are reductions (reduce.ts), `map` a collection function. As in Julia, a
 * predicate must return true or false (`missing` only where three-valued logic gives it a meaning: `any` and `all`).
 */

/**
 * `f` applied to each element of the collection, or the elements themselves for the one-argument form
 * (`any(x)`); lazily, so that `any` and `all` stop calling `f` at the first decisive element.
 */
function* tested(name: string, args: readonly Value[]): Iterable<Value> {
  const items = iterate(args[args.length - 1]!);
  if (args.length === 1) {
    yield* items;
    return;
  }
  const f = asCallable(name, arg(args, 0));
  for (const x of items) yield f([x]);
}

function isTrue(name: string, v: Value): boolean {
  if (typeof v !== 'boolean') fail(`${name} needs true or false for each element, got ${describe(v)}`);
  return v;
}

/** any / all with Julia's three-valued logic: a decisive element wins, else a `missing` makes the answer missing. */
function quantifier(name: 'any' | 'all'): Builtin {
  const decisive = name === 'any';
  return builtin(`${name}(f, x) / ${name}(x)`, (args, kwargs) => {
    arity(name, args, 1, 2);
    allowKwargs(name, kwargs);
    let sawMissing = false;
    for (const r of tested(name, args)) {
      if (r === MISSING) sawMissing = true;
      else if (isTrue(name, r) === decisive) return decisive;
    }
    return sawMissing ? MISSING : !decisive;
  });
}

/** The index of each element in the collection's own terms: linear for vectors, CartesianIndex for arrays. */
function indexAt(x: Value, k: number): Value {
  return x instanceof JArray && x.ndims > 1 ? new CartesianIndex(cartesianPosition(x.shape, k)) : k + 1;
}

/** findfirst / findlast: the index of the first (last) element that passes, in findall's terms, or `nothing`. */
function firstOrLast(name: 'findfirst' | 'findlast'): Builtin {
  return builtin(`${name}(f, x) / ${name}(x)`, (args, kwargs) => {
    arity(name, args, 1, 2);
    allowKwargs(name, kwargs);
    const x = args[args.length - 1]!;
    let found: Value = NOTHING;
    let k = 0;
    for (const r of tested(name, args)) {
      if (isTrue(name, r)) {
        found = indexAt(x, k);
        if (name === 'findfirst') return found;
      }
      k++;
    }
    return found;
  });
}

/** filter keeps the container kind: a vector for arrays and ranges, a tuple for a tuple, a string for a string. */
function kept(x: Value, items: Value[]): Value {
  if (x instanceof JTuple) return new JTuple(items);
  if (typeof x === 'string') return items.map((c) => (c as JChar).value).join('');
  if (x instanceof JArray || x instanceof JRange) return arrayOf([items.length], items);
  // Julia's filter of a Dict is a Dict of its types, of the pairs kept.
  if (x instanceof JDict) {
    const d = x.copy();
    d.entries.clear();
    for (const p of items as Pair[]) dictSet(d, p.first, p.second);
    return d;
  }
  return fail(`filter needs a collection, got ${describe(x)}`);
}

const PLUS = operatorFunctions.get('+');

/** Reducing an empty collection: zero for `+` and one for `*`, as `sum` and `prod` give; otherwise Julia's error. */
function emptyReduction(name: string, op: Value): Value {
  if (op === PLUS) return 0;
  if (op === operatorFunctions.get('*')) return 1;
  return fail(`${name}: reducing over an empty collection is not allowed; consider supplying \`init\` to the reducer`);
}

/**
 * `terms` combined by `op` two at a time, starting from `init` when given: from the left, `op(op(init, x₁), x₂)`,
 * or from the right (foldr), `op(x₁, op(x₂, init))`. A sum from the left is one AD node, as `sum` makes.
 */
function fold(name: string, opValue: Value, terms: Value[], init: Value | undefined, fromRight: boolean): Value {
  const op = asCallable(name, opValue);
  const all = init === undefined ? terms : fromRight ? [...terms, init] : [init, ...terms];
  if (all.length === 0) return emptyReduction(name, opValue);
  if (fromRight) {
    let acc = all[all.length - 1]!;
    for (let k = all.length - 2; k >= 0; k--) acc = op([all[k]!, acc]);
    return acc;
  }
  if (opValue === PLUS && all.every(isReal)) return ops.sumOf(all);
  return all.reduce((acc, v) => op([acc, v]));
}

/** `reduce`, `foldl` or `foldr`: `(op, itr; init)`. */
function folding(name: 'reduce' | 'foldl' | 'foldr'): Builtin {
  return builtin(`${name}(op, itr; init)`, (args, kwargs) => {
    arity(name, args, 2);
    allowKwargs(name, kwargs, ['init']);
    return fold(name, arg(args, 0), [...iterate(arg(args, 1))], kwargs.get('init'), name === 'foldr');
  });
}

/** `f` applied to the elements of the collections taken together, as `map(f, xs...)` pairs them, up to the shortest. */
function mapped(f: (args: Value[]) => Value, colls: readonly Value[]): Value[] {
  const lists = colls.map((c) => [...iterate(c)]);
  const n = Math.min(...lists.map((l) => l.length));
  return Array.from({ length: n }, (_, k) => f(lists.map((l) => l[k]!)));
}

/** `mapreduce`, `mapfoldl` or `mapfoldr`: `(f, op, itrs...; init)`. */
function mappedFolding(name: 'mapreduce' | 'mapfoldl' | 'mapfoldr'): Builtin {
  return builtin(`${name}(f, op, itrs...; init)`, (args, kwargs) => {
    arity(name, args, 3, Infinity);
    allowKwargs(name, kwargs, ['init']);
    const terms = mapped(asCallable(name, arg(args, 0)), args.slice(2));
    return fold(name, arg(args, 1), terms, kwargs.get('init'), name === 'mapfoldr');
  });
}

/** Built-in operations that take Ints to Ints, so that a running fold of them over Ints holds Ints, as Julia infers. */
const INTEGER_CLOSED: ReadonlySet<string> = new Set(['+', '-', '*', '÷', '%', '&', '|', 'max', 'min']);

/** Int where Julia's inferred element type is: an Int-closed built-in over Ints, from an integer init if any. */
function accumulatedType(opValue: Value, x: JArray | JRange, init: Value | undefined, out: Value[]): ElementType {
  const ints = opValue instanceof JFunction && INTEGER_CLOSED.has(opValue.name) && elementTypeOfArray(x) === 'int';
  return ints && (init === undefined || (typeof init === 'number' && Number.isInteger(init))) ? 'int' : inferEltype(out);
}

/**
 * accumulate(op, x; dims, init): the running fold, `op(…op(op(init, x₁), x₂)…, xₖ)` at each k (without init the
 * first element is x₁ itself), along `dims` for arrays of more dimensions, which need it as in Julia.
 */
function accumulate(opValue: Value, x: Value, kwargs: ReadonlyMap<string, Value>): Value {
  const op = asCallable('accumulate', opValue);
  const init = kwargs.get('init');
  const step = (acc: Value | undefined, v: Value): Value => (acc === undefined ? v : op([acc, v]));
  if (x instanceof JTuple) {
    const out: Value[] = [];
    x.items.forEach((v, k) => out.push(step(k === 0 ? init : out[k - 1], v)));
    return new JTuple(out);
  }
  if (!isArrayValue(x)) return fail(`accumulate needs an array or a tuple, got ${describe(x)}`);
  const a = materialize(x);
  const dimsArg = kwargs.get('dims');
  if (a.ndims > 1 && dimsArg === undefined) fail(`accumulate of ${describe(a)} needs \`dims\`, as in accumulate(op, A; dims = 1)`);
  const dim = dimsArg === undefined ? 0 : toInt(dimsArg, 'accumulate: dims') - 1;
  if (dim < 0) fail(`accumulate: dims must be positive, got ${dim + 1}`);
  const { stride, along } = alongDimension(a.shape, dim);
  const out: Value[] = new Array<Value>(a.length);
  for (let k = 0; k < a.length; k++) out[k] = step(along(k) > 0 ? out[k - stride] : init, elementAt(a, k));
  return new JArray(a.shape.slice(), out, accumulatedType(opValue, x, init, out));
}

export const higherOrderBuiltins: Builtin[] = [
  builtin('count(f, x) / count(x)', (args, kwargs) => {
    arity('count', args, 1, 2);
    allowKwargs('count', kwargs);
    let n = 0;
    for (const r of tested('count', args)) if (isTrue('count', r)) n++;
    return n;
  }),
  quantifier('any'),
  quantifier('all'),
  builtin('filter(f, x)', (args, kwargs) => {
    arity('filter', args, 2);
    allowKwargs('filter', kwargs);
    const x = arg(args, 1);
    const f = asCallable('filter', arg(args, 0));
    return kept(x, [...iterate(x)].filter((v) => isTrue('filter', f([v]))));
  }),
  builtin('findall(f, x) / findall(x)', (args, kwargs) => {
    arity('findall', args, 1, 2);
    allowKwargs('findall', kwargs);
    const x = args[args.length - 1]!;
    const found: Value[] = [];
    let k = 0;
    for (const r of tested('findall', args)) {
      if (isTrue('findall', r)) found.push(indexAt(x, k));
      k++;
    }
    return arrayOf([found.length], found);
  }),
  firstOrLast('findfirst'),
  firstOrLast('findlast'),
  folding('reduce'),
  folding('foldl'),
  folding('foldr'),
  mappedFolding('mapreduce'),
  mappedFolding('mapfoldl'),
  mappedFolding('mapfoldr'),
  builtin('accumulate(op, x; dims, init)', (args, kwargs) => {
    arity('accumulate', args, 2);
    allowKwargs('accumulate', kwargs, ['dims', 'init']);
    return accumulate(arg(args, 0), arg(args, 1), kwargs);
  }),
  builtin('foreach(f, itrs...)', (args, kwargs) => {
    arity('foreach', args, 2, Infinity);
    allowKwargs('foreach', kwargs);
    mapped(asCallable('foreach', arg(args, 0)), args.slice(1));
    return NOTHING;
  }),
];
