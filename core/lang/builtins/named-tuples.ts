import { JArray, JNamedTuple, JRange, JTuple, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { single, type Builtin } from './define.js';

/** What a named tuple adds to Julia's collections: `keys`, `values`, and `map` keeping the names. */

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

export const namedTupleBuiltins: Builtin[] = [
  single('values(x)', (x) => {
    if (x instanceof JNamedTuple) return new JTuple([...x.entries.values()]);
    if (x instanceof JTuple || x instanceof JArray || x instanceof JRange) return x;
    return fail(`values needs a named tuple, a tuple or an array, got ${describe(x)}`);
  }),
  single('keys(x)', (x) => {
    if (x instanceof JNamedTuple) return fail(`the keys of a named tuple are Symbols, which models cannot use: read a field by name (\`nt.a\`) or by position (\`nt[1]\`), or iterate over values(nt)`);
    if (x instanceof JTuple) return new JRange(1, 1, x.items.length);
    if ((x instanceof JArray && x.ndims === 1) || x instanceof JRange) return new JRange(1, 1, x.length);
    return fail(`keys needs a named tuple, a tuple or a vector, got ${describe(x)}; for the indices of an array use eachindex`);
  }),
];
