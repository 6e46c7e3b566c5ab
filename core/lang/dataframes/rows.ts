import { DataFrame, JArray, JFunction, JNamedTuple, JTuple, MISSING, describe, type ElementType, type Value } from '../../model/index.js';
import { compareSortKeys } from '../builtins/collections.js';
import { fail } from '../runtime/errors.js';
import { dictKey, getIndex, Pair } from '../runtime/index.js';
import { columnName, columnOf } from './columns.js';
import { frameOf } from './define.js';

/** The rows of a table, each a named tuple of its cells (`r.Default` of `for r in eachrow(data)`). */
export function rowsOf(df: DataFrame): JArray {
  const columns = [...df.columns];
  return JArray.vector(Array.from({ length: df.nrow }, (_, i) => new JNamedTuple(new Map(columns.map(([name, c]) => [name, c.data[i] as Value])))));
}

/** The rows of the table at these (1-based) indices, copied. */
export function rowSubset(df: DataFrame, rows: JArray): DataFrame {
  return new DataFrame(new Map([...df.columns].map(([name, c]) => [name, getIndex(c, [rows]) as JArray])));
}

/** The rows `from` to `to` (1-based, inclusive) of the table, copied. */
export function rowRange(df: DataFrame, from: number, to: number): DataFrame {
  return rowSubset(df, JArray.vector(Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k), 'int'));
}

/** Julia's `isless` on keys, value by value (numbers, Bools and Dates by value, strings by code point), `missing` last. */
export function compareKeys(a: readonly Value[], b: readonly Value[]): number {
  for (let k = 0; k < a.length; k++) {
    const [x, y] = [a[k]!, b[k]!];
    if (x === y) continue;
    const c = x === MISSING ? 1 : y === MISSING ? -1 : compareSortKeys('sort', x, y);
    if (c !== 0) return c;
  }
  return 0;
}

/** DataFrames' `sort(df, :t)`, `sort(df, [:g, :t]; rev = true)`: the rows ordered by those columns, ties kept in order. */
export function sortedRows(df: DataFrame, names: readonly string[], rev: boolean): DataFrame {
  return rowsOrderedBy(df, names.map((n) => columnOf(df, n).data as Value[]), rev);
}

/** The rows ordered by the keys (a value per row each), the first key first, ties kept in order. */
export function rowsOrderedBy(df: DataFrame, keys: readonly Value[][], rev: boolean): DataFrame {
  const order = Array.from({ length: df.nrow }, (_, i) => i);
  order.sort((i, j) => (rev ? -1 : 1) * compareKeys(keys.map((k) => k[i]!), keys.map((k) => k[j]!)) || i - j);
  return rowSubset(df, JArray.vector(order.map((i) => i + 1), 'int'));
}

/** The (1-based) rows whose test is true. */
const where = (keep: readonly boolean[]): JArray => JArray.vector(keep.flatMap((k, i) => (k ? [i + 1] : [])), 'int');

/** An element type that says what the kept values are, once `missing` is gone. */
export function narrowed(values: readonly Value[], was: ElementType): ElementType {
  if (was !== 'any') return was;
  if (values.every((v) => typeof v === 'boolean')) return 'bool';
  if (values.every((v) => typeof v === 'number')) return values.every((v) => Number.isInteger(v)) ? 'int' : 'float';
  return 'any';
}

/** `dropmissing(df)`, `dropmissing(df, :y)`: the rows with no `missing` in those columns, which then say what they hold. */
export function withoutMissing(df: DataFrame, names: readonly string[]): DataFrame {
  const checked = names.map((n) => columnOf(df, n));
  const kept = rowSubset(df, where(Array.from({ length: df.nrow }, (_, i) => checked.every((c) => c.data[i] !== MISSING))));
  for (const n of names) {
    const c = kept.columns.get(n)!;
    kept.columns.set(n, new JArray(c.shape, c.data, narrowed(c.data as Value[], c.eltype)));
  }
  return kept;
}

/** DataFrames' `filter(row -> row.age >= 18, df)` and `filter(:age => a -> a >= 18, df)`: the rows the test keeps. */
export function filtered(test: Value, df: DataFrame): DataFrame {
  const call = (f: Value, x: Value): boolean => {
    const kept = f instanceof JFunction ? f.call([x], new Map()) : fail(`filter takes a function, got ${describe(f)}`);
    return typeof kept === 'boolean' ? kept : fail(`filter's test must give true or false, got ${describe(kept)}`);
  };
  const keep = test instanceof Pair ? columnOf(df, columnName(test.first)).data.map((x) => call(test.second, x as Value)) : rowsOf(df).data.map((row) => call(test, row as Value));
  return rowSubset(df, where(keep));
}

/** The (1-based) rows whose values in these columns (a vector per column) first appear, as DataFrames' `unique(df, cols)` keeps them. */
export function firstOccurrences(df: DataFrame, keys: readonly JArray[]): JArray {
  const seen = new Set<string>();
  return where(Array.from({ length: df.nrow }, (_, i) => {
    const key = dictKey(new JTuple(keys.map((k) => k.data[i] as Value)));
    const fresh = !seen.has(key);
    seen.add(key);
    return fresh;
  }));
}

export const RANDOM_SPLIT = "splits the rows at random, and Tilde's generator would draw other rows than Julia's: split them in order (`splitobs(df; at = 0.7, shuffle = false)`), or split the table before loading it";

/**
 * MLUtils' `splitobs(df; at = 0.7, shuffle = false)`: the first `round(at · n)` rows, then the rest. A shuffled split is
 * refused with why, where other rows than the tutorial's would pass silently for its.
 */
export function splitRows(args: Value[], kwargs: Map<string, Value>): Value {
  const df = frameOf('splitobs', args[0]);
  if (kwargs.get('shuffle') === true) fail(`\`splitobs(…; shuffle = true)\` ${RANDOM_SPLIT}`);
  const at = kwargs.get('at') ?? args[1] ?? 0.7;
  if (typeof at !== 'number' || at < 0 || at > 1) return fail(`splitobs: \`at\` must be a fraction between 0 and 1, got ${describe(at)}`);
  const first = Math.round(at * df.nrow);
  return new JTuple([rowRange(df, 1, first), rowRange(df, first + 1, df.nrow)]);
}
