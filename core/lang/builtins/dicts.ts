import { JArray, JDict, JType, describe, type Value } from '../../model/index.js';
import { dictFrom, dictGet, dictKey, dictSet, iterate, Pair } from '../runtime/index.js';
import { fail } from '../runtime/errors.js';
import { arrayOf } from '../runtime/shape.js';
import { allowKwargs, arg, arity, boolKwarg, builtin, type Builtin } from './define.js';
import { compareSortKeys } from './collections.js';
import { asCallable, isCallable } from './callable.js';
import { pairArg } from './pairs.js';

/**
 * Base's functions on a Dict: the methods of generic functions other files define (`keys`, `length`, `get`, …),
 * which the table of built-ins reaches when their first argument is a Dict, and the functions only a Dict has
 * (`delete!`, `get!`, `pop!`), with StatsBase's `countmap` and `proportionmap`, which make one. Keys are compared as
 * `d[k]` compares them (see runtime/dict.ts).
 */

type Method = (d: JDict, rest: Value[], kwargs: ReadonlyMap<string, Value>) => Value;

const dictOf = (name: string, v: Value | undefined): JDict => (v instanceof JDict ? v : fail(`${name} takes a Dict, got ${v === undefined ? 'nothing' : describe(v)}`));

/** A Dict a function changes: not model data, which is read-only as a model's array data is. */
function changed(name: string, d: JDict): JDict {
  if (d.frozen) fail(`${name} cannot change ${describe(d)} that is read-only (model data); work on copy(d)`);
  return d;
}

const pairsOf = (d: JDict): JArray => JArray.vector([...iterate(d)], 'any');

/** `push!(d, k => v, …)`. */
function storePairs(d: JDict, items: readonly Value[]): JDict {
  for (const item of items) {
    const p = pairArg('push!', item, 'pairs `k => v` to store in a Dict');
    dictSet(d, p.first, p.second);
  }
  return d;
}

/** `merge(d, others…)` and `merge!`: each Dict's entries in turn, a later value replacing an earlier one under the same key. */
function storeDicts(name: string, d: JDict, others: readonly Value[]): JDict {
  for (const other of others) for (const e of dictOf(name, other).entries.values()) dictSet(d, e.key, e.value);
  return d;
}

/**
 * OrderedCollections' `sort(d; byvalue, rev)`: an OrderedDict of the entries by key (or value), as scripts sort a
 * `countmap` (`sort(countmap(dates))`); `by` and `lt` are not read.
 */
function sortedDict(d: JDict, kwargs: ReadonlyMap<string, Value>): JDict {
  const byValue = boolKwarg('sort', kwargs, 'byvalue', false);
  const sign = boolKwarg('sort', kwargs, 'rev', false) ? -1 : 1;
  const entries = [...d.entries.values()].sort((a, b) => sign * compareSortKeys('sort', byValue ? a.value : a.key, byValue ? b.value : b.key));
  const out = new JDict(d.keyType, d.valueType, d.typed, undefined, 'OrderedDict');
  for (const e of entries) dictSet(out, e.key, e.value);
  return out;
}

/** The Dict methods of built-ins defined elsewhere, by name: called when the first argument is a Dict, with the keywords each reads. */
export const dictMethods: ReadonlyMap<string, { arity: [number, number]; call: Method; keywords?: string[] }> = new Map<string, { arity: [number, number]; call: Method; keywords?: string[] }>([
  ['keys', { arity: [1, 1], call: (d) => arrayOf([d.size], [...d.entries.values()].map((e) => e.key)) }],
  ['values', { arity: [1, 1], call: (d) => arrayOf([d.size], [...d.entries.values()].map((e) => e.value)) }],
  ['length', { arity: [1, 1], call: (d) => d.size }],
  ['isempty', { arity: [1, 1], call: (d) => d.size === 0 }],
  ['pairs', { arity: [1, 1], call: pairsOf }],
  ['collect', { arity: [1, 1], call: pairsOf }],
  ['copy', { arity: [1, 1], call: (d) => d.copy() }],
  ['haskey', { arity: [2, 2], call: (d, [k]) => d.entries.has(dictKey(k!)) }],
  ['get', { arity: [3, 3], call: (d, [k, fallback]) => d.entries.get(dictKey(k!))?.value ?? fallback! }],
  ['merge', { arity: [1, Infinity], call: (d, others) => storeDicts('merge', d.copy(), others) }],
  ['push!', { arity: [2, Infinity], call: (d, items) => storePairs(changed('push!', d), items) }],
  ['sort', { arity: [1, 1], call: (d, _rest, kwargs) => sortedDict(d, kwargs), keywords: ['byvalue', 'rev'] }],
]);

/**
 * `merge(combine, d, others…)`, `mergewith` and their `!` forms: each Dict's entries in turn, a value under a key
 * already stored combined with it (`merge(+, counts1, counts2)` adds the counts of a key both have).
 */
function combineDicts(name: string, combine: (args: Value[]) => Value, d: JDict, others: readonly Value[]): JDict {
  for (const other of others) {
    for (const e of dictOf(name, other).entries.values()) {
      const stored = d.entries.get(dictKey(e.key));
      dictSet(d, e.key, stored === undefined ? e.value : combine([stored.value, e.value]));
    }
  }
  return d;
}

/** Dict methods of built-ins defined elsewhere that take a function first, then the Dict. */
const afterFunction: ReadonlyMap<string, { arity: [number, number]; call: (f: (args: Value[]) => Value, d: JDict, rest: Value[]) => Value }> = new Map<string, { arity: [number, number]; call: (f: (args: Value[]) => Value, d: JDict, rest: Value[]) => Value }>([
  // `get(d, k) do … end`: the default is made only when the key is missing.
  ['get', { arity: [3, 3], call: (f, d, [k]) => d.entries.get(dictKey(k!))?.value ?? f([]) }],
  ['merge', { arity: [2, Infinity], call: (f, d, others) => combineDicts('merge', f, d.copy(), others) }],
]);

/** The names of built-ins with a Dict method. */
export const dictMethodNames: ReadonlySet<string> = new Set([...dictMethods.keys(), ...afterFunction.keys()]);

/** Whether a call of `name` is its Dict method: the Dict first, or a function then the Dict (`get(f, d, k)`). */
export function takesDict(name: string, args: readonly Value[]): boolean {
  return (args[0] instanceof JDict && dictMethods.has(name)) || (args[1] instanceof JDict && isCallable(args[0]) && afterFunction.has(name));
}

/** `name(d, …)` or `name(f, d, …)` of a Dict method, with the arity its Dict form takes. */
export function callDictMethod(name: string, args: readonly Value[], kwargs: ReadonlyMap<string, Value>): Value {
  const method = args[0] instanceof JDict ? dictMethods.get(name) : undefined;
  allowKwargs(name, kwargs, method?.keywords);
  if (method !== undefined) {
    arity(name, args, method.arity[0], method.arity[1]);
    return method.call(args[0] as JDict, args.slice(1), kwargs);
  }
  const withFunction = afterFunction.get(name)!;
  arity(name, args, withFunction.arity[0], withFunction.arity[1]);
  return withFunction.call(asCallable(name, args[0]!), args[1] as JDict, args.slice(2));
}

/** StatsBase's `countmap(x)`: how often each value stands in `x`, in the order values first appear; `proportionmap` as shares. */
function tally(x: Value, shares: boolean): JDict {
  const items = [...iterate(x)];
  const counts = new Map<string, { key: Value; n: number }>();
  for (const v of items) {
    const key = dictKey(v);
    const seen = counts.get(key);
    if (seen) seen.n++;
    else counts.set(key, { key: v, n: 1 });
  }
  return dictFrom(new JType('Dict'), [...counts.values()].map((c) => new Pair(c.key, shares ? c.n / items.length : c.n)));
}

export const dictBuiltins: Builtin[] = [
  builtin('countmap(x)', (args, kwargs) => {
    arity('countmap', args, 1);
    allowKwargs('countmap', kwargs);
    return tally(arg(args, 0), false);
  }),
  builtin('proportionmap(x)', (args, kwargs) => {
    arity('proportionmap', args, 1);
    allowKwargs('proportionmap', kwargs);
    return tally(arg(args, 0), true);
  }),
  builtin('delete!(d, key)', (args, kwargs) => {
    arity('delete!', args, 2);
    allowKwargs('delete!', kwargs);
    const d = changed('delete!', dictOf('delete!', arg(args, 0)));
    d.entries.delete(dictKey(arg(args, 1)));
    return d;
  }),
  // `get!(f, d, key)` (a `do` block, or a type: `get!(Vector{Int}, groups, c)`) makes the default only when the key is missing.
  builtin('get!(d, key, default) / get!(f, d, key)', (args, kwargs) => {
    arity('get!', args, 3);
    allowKwargs('get!', kwargs);
    const made = isCallable(arg(args, 0)) && arg(args, 1) instanceof JDict;
    const [d, k] = made ? [dictOf('get!', arg(args, 1)), arg(args, 2)] : [dictOf('get!', arg(args, 0)), arg(args, 1)];
    if (!d.entries.has(dictKey(k))) dictSet(changed('get!', d), k, made ? asCallable('get!', arg(args, 0))([]) : arg(args, 2));
    return dictGet(d, k);
  }),
  builtin('pop!(d, key) / pop!(d, key, default)', (args, kwargs) => {
    arity('pop!', args, 2, 3);
    allowKwargs('pop!', kwargs);
    const d = dictOf('pop!', arg(args, 0));
    const k = arg(args, 1);
    const key = dictKey(k);
    if (!d.entries.has(key) && args.length === 3) return arg(args, 2);
    const v = dictGet(d, k);
    changed('pop!', d).entries.delete(key);
    return v;
  }),
  builtin('merge!(d, others...) / merge!(combine, d, others...)', (args, kwargs) => {
    arity('merge!', args, 1, Infinity);
    allowKwargs('merge!', kwargs);
    if (isCallable(arg(args, 0))) return combineDicts('merge!', asCallable('merge!', arg(args, 0)), changed('merge!', dictOf('merge!', args[1])), args.slice(2));
    return storeDicts('merge!', changed('merge!', dictOf('merge!', arg(args, 0))), args.slice(1));
  }),
  builtin('mergewith(combine, d, others...)', (args, kwargs) => {
    arity('mergewith', args, 2, Infinity);
    allowKwargs('mergewith', kwargs);
    return combineDicts('mergewith', asCallable('mergewith', arg(args, 0)), dictOf('mergewith', arg(args, 1)).copy(), args.slice(2));
  }),
  builtin('mergewith!(combine, d, others...)', (args, kwargs) => {
    arity('mergewith!', args, 2, Infinity);
    allowKwargs('mergewith!', kwargs);
    return combineDicts('mergewith!', asCallable('mergewith!', arg(args, 0)), changed('mergewith!', dictOf('mergewith!', arg(args, 1))), args.slice(2));
  }),
  builtin('keytype(d)', (args, kwargs) => {
    arity('keytype', args, 1);
    allowKwargs('keytype', kwargs);
    return dictOf('keytype', arg(args, 0)).keyType;
  }),
  builtin('valtype(d)', (args, kwargs) => {
    arity('valtype', args, 1);
    allowKwargs('valtype', kwargs);
    return dictOf('valtype', arg(args, 0)).valueType;
  }),
];

