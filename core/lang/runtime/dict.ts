import { value } from '../../ad/index.js';
import { JArray, JChar, JDate, JDateTime, JDict, JPeriod, JRange, JSymbol, JTuple, JType, MISSING, NOTHING, describe, isReal, type Value } from '../../model/index.js';
import { dependsOn } from './dependence.js';
import { fail, KeyError } from './errors.js';
import { iterate } from './iterate.js';
import { Pair } from './pair.js';
import { numeric } from './scalars.js';
import { typeOf } from './subtypes.js';
import { elementTypeOf, isaType } from './types.js';

/** A Dict's keys and stores: Julia's `isequal` on keys, its types, and its KeyError. */

/**
 * The text that stands for a key, equal for keys Julia's `isequal` (and `hash`) hold equal: numbers by value, so 1,
 * 1.0 and `true` are one key but 0.0 and -0.0 two; strings by content; Symbols by name; tuples, pairs and arrays
 * by their elements (an array and a range with the same elements are one key, as in Julia).
 */
export function dictKey(k: Value): string {
  const x = numeric(k);
  if (x !== undefined) {
    dependsOn('a Dict key', [x]);
    return Object.is(value(x), -0) ? 'n-0' : `n${value(x)}`;
  }
  if (typeof k === 'string') return `s${k}`;
  if (k instanceof JSymbol) return `y${k.name}`;
  if (k instanceof JChar) return `c${k.value}`;
  if (k === MISSING || k === NOTHING) return k.toString();
  if (k instanceof JType) return `T${k.toString()}`;
  if (k instanceof JDate) return `D${k.days}`;
  if (k instanceof JDateTime) return `DT${k.ms}`;
  if (k instanceof JPeriod) return `P${k.unit}${k.value}`;
  if (k instanceof JTuple) return `${k instanceof Pair ? 'p' : 't'}${JSON.stringify(k.items.map(dictKey))}`;
  if (k instanceof JArray || k instanceof JRange) return `a${JSON.stringify([k instanceof JArray ? k.shape : [k.length], [...iterate(k)].map(dictKey)])}`;
  return fail(`a Dict key must be a number, a string, a Symbol, a character, a Date, a tuple or an array, got ${describe(k)}`);
}

/** A key as Julia shows it in a KeyError: `"a"`, `:a`, `3`, `(1, 2)`. */
export function keyText(k: Value): string {
  if (typeof k === 'string') return JSON.stringify(k);
  if (k instanceof JSymbol) return `:${k.name}`;
  if (k instanceof JChar) return `'${k.value}'`;
  if (isReal(k)) return String(value(k));
  if (k instanceof Pair) return `${keyText(k.first)} => ${keyText(k.second)}`;
  if (k instanceof JTuple) return `(${k.items.map(keyText).join(', ')}${k.items.length === 1 ? ',' : ''})`;
  return typeof k === 'boolean' || k === MISSING || k === NOTHING || k instanceof JType || k instanceof JDate || k instanceof JDateTime || k instanceof JPeriod ? String(k) : describe(k);
}

/** `d[k]`, or Julia's KeyError. */
export function dictGet(d: JDict, k: Value): Value {
  const entry = d.entries.get(dictKey(k));
  if (entry === undefined) throw new KeyError(keyText(k), describe(d));
  return entry.value;
}

/**
 * The type of a stored key or value as a Dict built from it prints it. A whole number is taken for an Int: the
 * numbers here do not tell 2 from 2.0, and index maps, the common Dict of a script, hold Ints.
 */
function storedType(v: Value): JType {
  if (typeof v === 'number' && Number.isInteger(v)) return new JType('Int64');
  return typeOf(v);
}

/** The type of an untyped Dict after storing a value of type `t`: Ints and Float64s together print as Float64, since a whole Float64 reads as an Int. */
function widened(was: JType | undefined, t: JType): JType {
  if (was === undefined || was.toString() === t.toString()) return t;
  const numbers = new Set([was.name, t.name]);
  if (numbers.size === 2 && numbers.has('Int64') && numbers.has('Float64')) return new JType('Float64');
  return new JType('Any');
}

/** `v` as a typed Dict (`Dict{String, Float64}()`) stores it as a key or a value of type `t`. */
function converted(d: JDict, role: 'key' | 'value', v: Value, t: JType): Value {
  const refused = (): never => fail(`cannot store ${describe(v)} as a ${role} of a ${d.typeText} (Julia's MethodError or InexactError)`);
  switch (elementTypeOf(t)) {
    case 'float':
      return isReal(v) ? v : typeof v === 'boolean' ? Number(v) : refused();
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'boolean' ? Number(v) : refused();
    case 'bool':
      return typeof v === 'boolean' ? v : v === 0 || v === 1 ? v === 1 : refused();
    case 'any':
      return t.name === 'Any' || isaType(v, t) ? v : refused();
  }
}

/** `d[k] = v`: converted to the types the script wrote, else widening the types the Dict prints. */
export function dictSet(d: JDict, k: Value, v: Value): void {
  if (d.frozen) fail(`cannot change ${describe(d)} that is read-only (model data); work on copy(d)`);
  if (d.typed) {
    k = converted(d, 'key', k, d.keyType);
    v = converted(d, 'value', v, d.valueType);
  } else {
    d.keyType = widened(d.keyType, storedType(k));
    d.valueType = widened(d.valueType, storedType(v));
  }
  d.entries.set(dictKey(k), { key: k, value: v });
}

/** The key and value of an item a Dict is built from: a pair `k => v` or a 2-tuple (`Dict(zip(ks, vs))`). */
function entryOf(item: Value): [Value, Value] {
  if (item instanceof JTuple && item.items.length === 2) return [item.items[0]!, item.items[1]!];
  return fail(`Dict is built from pairs \`k => v\` or 2-tuples \`(k, v)\`, got ${describe(item)}`);
}

/**
 * `Dict(k => v, …)`, `Dict(pairs)` of a collection or generator of pairs or 2-tuples, `Dict()` (of Any) and
 * `Dict{K, V}(…)`, whose types convert what it stores. An untyped Dict's types are its entries' (`Dict{String, Int64}`).
 * `OrderedDict(…)` alike.
 */
export function dictFrom(t: JType, args: readonly Value[]): JDict {
  const only = args[0];
  const items = args.length === 1 && !(only instanceof Pair) ? [...iterate(only!)] : args;
  const entries = items.map(entryOf);
  const kind = t.name === 'OrderedDict' ? 'OrderedDict' : 'Dict';
  const [K, V] = t.params;
  if (K !== undefined && V !== undefined) {
    const d = new JDict(K, V, true, undefined, kind);
    for (const [k, v] of entries) dictSet(d, k, v);
    return d;
  }
  if (t.params.length > 0) fail(`${kind} takes both its types, as in \`${kind}{String, Int}()\`, got ${t.toString()}`);
  const any = new JType('Any');
  const [first, ...rest] = entries;
  const d = first === undefined ? new JDict(any, any, false, undefined, kind) : new JDict(storedType(first[0]), storedType(first[1]), false, undefined, kind);
  for (const [k, v] of first === undefined ? [] : [first, ...rest]) dictSet(d, k, v);
  return d;
}

