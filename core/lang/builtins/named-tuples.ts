import { JArray, JNamedTuple, JRange, JSymbol, JTuple, describe, isReal, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { getField } from '../runtime/field.js';
import { UserType, namedType } from '../runtime/types.js';
import { allowKwargs, arg, arity, builtin, single, type Builtin } from './define.js';

/**
 * What a named tuple adds to Julia's collections: its keys are Symbols (`keys`, `propertynames`, `haskey`,
 * `get`, `getproperty`), `values`, `merge`, and `map` keeping the names; a struct's fields read the same way
 * (`getfield`, `fieldnames`).
 */

/** `map(f, a, b)` over named tuples, which Julia allows only when they have the same names, in order. */
export function mapNamedTuples(f: (args: Value[]) => Value, colls: readonly Value[]): JNamedTuple {
  const tuples = colls.map((c) => (c instanceof JNamedTuple ? c : fail(`map cannot mix a named tuple with ${describe(c)}`)));
  const names = [...tuples[0]!.entries.keys()];
  for (const t of tuples) {
    const same = t.entries.size === names.length && [...t.entries.keys()].every((name, k) => name === names[k]);
    if (!same) fail(`map over named tuples needs the same field names in the same order, got ${describe(tuples[0])} and ${describe(t)}`);
  }
  return new JNamedTuple(new Map(names.map((name) => [name, f(tuples.map((t) => t.entries.get(name)!))])));
}

/** The field names of a named tuple as the Symbols Julia gives: `(:a, :b)`. */
function symbolsOf(t: JNamedTuple): JTuple {
  return new JTuple([...t.entries.keys()].map((name) => JSymbol.of(name)));
}

function symbolArgument(name: string, key: Value): string {
  if (key instanceof JSymbol) return key.name;
  return fail(`${name} reads a named tuple's field by its Symbol, as in \`:a\`, got ${describe(key)}`);
}

/** What `haskey` and `get` find in a collection under `key`: a named tuple's field by Symbol, a tuple's or a vector's element by position. */
function lookup(name: string, x: Value, key: Value): Value | undefined {
  if (x instanceof JNamedTuple) return x.entries.get(symbolArgument(name, key));
  const items = x instanceof JTuple ? x.items : x instanceof JArray && x.ndims === 1 ? x.data : undefined;
  if (items === undefined) return fail(`${name} needs a named tuple, a tuple or a vector, got ${describe(x)}`);
  if (typeof key !== 'number' || !Number.isInteger(key)) return fail(`${name} finds an element of ${describe(x)} by an integer position, got ${describe(key)}`);
  return items[key - 1];
}

/** `Symbol("a")`, `Symbol(:a)`, `Symbol("x", 1)`: the parts' text joined, as Julia's `Symbol(x...)` does. */
function symbolText(v: Value): string {
  if (v instanceof JSymbol) return v.name;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return String(v);
  return fail(`Symbol takes strings, Symbols and integers, got ${describe(v)}`);
}

export const namedTupleBuiltins: Builtin[] = [
  single('values(x)', (x) => {
    if (x instanceof JNamedTuple) return new JTuple([...x.entries.values()]);
    if (x instanceof JTuple || x instanceof JArray || x instanceof JRange) return x;
    return fail(`values needs a named tuple, a tuple or an array, got ${describe(x)}`);
  }),
  single('keys(x)', (x) => {
    if (x instanceof JNamedTuple) return symbolsOf(x);
    if (x instanceof JTuple) return new JRange(1, 1, x.items.length);
    if ((x instanceof JArray && x.ndims === 1) || x instanceof JRange) return new JRange(1, 1, x.length);
    return fail(`keys needs a named tuple, a tuple or a vector, got ${describe(x)}; for the indices of an array use eachindex`);
  }),
  single('propertynames(x)', (x) => (x instanceof JNamedTuple ? symbolsOf(x) : fail(`propertynames needs a named tuple, got ${describe(x)}`))),
  builtin('haskey(x, key)', (args, kwargs) => {
    arity('haskey', args, 2);
    allowKwargs('haskey', kwargs);
    return lookup('haskey', arg(args, 0), arg(args, 1)) !== undefined;
  }),
  builtin('get(x, key, default)', (args, kwargs) => {
    arity('get', args, 3);
    allowKwargs('get', kwargs);
    return lookup('get', arg(args, 0), arg(args, 1)) ?? arg(args, 2);
  }),
  builtin('getproperty(x, name)', (args, kwargs) => {
    arity('getproperty', args, 2);
    allowKwargs('getproperty', kwargs);
    return getField(arg(args, 0), symbolArgument('getproperty', arg(args, 1)));
  }),
  // A struct's fields are its properties here, as Julia's default `getproperty` makes them.
  builtin('getfield(x, name)', (args, kwargs) => {
    arity('getfield', args, 2);
    allowKwargs('getfield', kwargs);
    return getField(arg(args, 0), symbolArgument('getfield', arg(args, 1)));
  }),
  single('fieldnames(T)', (t) => {
    const type = namedType(t);
    return type instanceof UserType ? new JTuple(type.fields.map((name) => JSymbol.of(name))) : fail(`fieldnames takes a struct type of the file's (\`fieldnames(Params)\`, \`fieldnames(typeof(p))\`), got ${describe(t)}`);
  }),
  builtin('merge(a, bs...)', (args, kwargs) => {
    arity('merge', args, 1, Infinity);
    allowKwargs('merge', kwargs);
    // Julia's order: the first tuple's names, then each new name; a later value replaces an earlier one in place.
    const merged = new Map<string, Value>();
    for (const t of args) {
      if (!(t instanceof JNamedTuple)) return fail(`merge needs named tuples, got ${describe(t)}`);
      for (const [name, v] of t.entries) merged.set(name, v);
    }
    return new JNamedTuple(merged);
  }),
  builtin('Symbol(x...)', (args, kwargs) => {
    arity('Symbol', args, 1, Infinity);
    allowKwargs('Symbol', kwargs);
    if (args.some((a) => isReal(a) && typeof a !== 'number')) fail('Symbol cannot be made from a number that depends on a parameter');
    return JSymbol.of(args.map(symbolText).join(''));
  }),
];
