import { JArray, JDict, JNamedTuple, JSymbol, JTuple, describe, type Value } from '../../model/index.js';
import { fail } from './errors.js';
import { Pair } from './pair.js';

/**
 * Values of random variables by name, as DynamicPPL's `condition` and `fix` take them: a named tuple
 * `(; y = data)`, a pair `@varname(y) => data` (or `:y => data`), a tuple or vector of pairs, or a
 * `Dict(@varname(y) => data)`, which DynamicPPL 0.38 recommends over named tuples.
 */
export function variableValues(values: Value, what: string): Map<string, Value> {
  if (values instanceof JNamedTuple) return new Map(values.entries);
  const pairs = values instanceof Pair ? [values] : values instanceof JTuple ? values.items : values instanceof JArray ? values.data : values instanceof JDict ? dictPairs(values) : [];
  const named = new Map<string, Value>();
  for (const pair of pairs) {
    const key = pair instanceof Pair ? nameOf(pair.first) : undefined;
    if (key === undefined) break;
    named.set(key, (pair as Pair).second);
  }
  if (named.size === 0 || named.size !== pairs.length) {
    return fail(`${what} takes a named tuple such as \`(; y = data)\` or pairs such as \`@varname(y) => data\`, got ${describe(values)}`);
  }
  return named;
}

function dictPairs(d: JDict): Pair[] {
  return [...d.entries.values()].map(({ key, value }) => new Pair(key, value));
}

function nameOf(key: Value): string | undefined {
  if (key instanceof JSymbol) return key.name;
  return typeof key === 'string' && key !== '' ? key : undefined;
}
