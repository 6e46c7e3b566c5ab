import { DataFrame, JArray, JNamedTuple, JRange, JSymbol, describe, type Value } from '../../model/index.js';
import { builtins } from '../builtins/index.js';
import { fail } from '../runtime/errors.js';
import { Pair } from '../runtime/index.js';
import { columnName, withColumns } from './columns.js';
import { frameOf } from './define.js';

/** A column built by `DataFrame(a = x, …)`: a vector as given, a single value repeated, as DataFrames broadcasts it. */
function builtColumn(name: string, v: Value, rows: number | undefined): JArray {
  if (v instanceof JArray && v.ndims === 1) return v.copy();
  const collected = builtins.get('collect')!.call([v], new Map());
  if (collected instanceof JArray && collected.ndims === 1) return collected;
  if (rows === undefined) return fail(`DataFrame: the column \`${name}\` must be a vector, got ${describe(v)}`);
  return JArray.vector(new Array<Value>(rows).fill(v), typeof v === 'number' ? 'float' : 'any');
}

/**
 * `DataFrame(a = x, b = y)`, `DataFrame(; a, b)`, `DataFrame(:a => x, :b => y)` (Statistical Rethinking's scripts),
 * `DataFrame(nt)`, `DataFrame(df)` (a copy), `DataFrame(X, :auto)`.
 */
export function makeFrame(args: Value[], kwargs: Map<string, Value>): DataFrame {
  if (args.length > 0 && args.every((a) => a instanceof Pair)) return makeFrame([], new Map(args.map((p) => [columnName((p as Pair).first), (p as Pair).second])));
  const [first, second] = args;
  if (first instanceof DataFrame) return withColumns(first, [...first.columns.keys()], true);
  if (first instanceof JArray && first.ndims === 2) {
    const [m, n] = first.shape as [number, number];
    const names = second instanceof JArray ? second.data.map((x) => (x instanceof JSymbol ? x.name : String(x))) : Array.from({ length: n }, (_, j) => `x${j + 1}`);
    return new DataFrame(new Map(names.map((name, j) => [name, new JArray([m], first.data.slice(j * m, (j + 1) * m), first.eltype)])));
  }
  const entries = first instanceof JNamedTuple ? [...first.entries] : first === undefined ? [...kwargs] : fail(`DataFrame cannot be made from ${describe(first)}: write \`DataFrame(a = x, b = y)\``);
  const vector = entries.find(([, v]) => v instanceof JArray || v instanceof JRange)?.[1] as JArray | JRange | undefined;
  const columns = new Map(entries.map(([name, v]) => [name, builtColumn(name, v, vector?.length)]));
  const lengths = new Set([...columns.values()].map((c) => c.length));
  if (lengths.size > 1) fail(`DataFrame: the columns have different lengths (${[...columns].map(([name, c]) => `${name}: ${c.length}`).join(', ')})`);
  return new DataFrame(columns);
}

/** `vcat(df1, df2)`: the rows of one below the other's, columns matched by name (DataFrames' `cols = :setequal`). */
export function stacked(first: DataFrame, rest: Value[]): DataFrame {
  const frames = [first, ...rest.map((r) => frameOf('vcat', r))];
  const names = [...first.columns.keys()];
  for (const df of frames) {
    const other = [...df.columns.keys()];
    if (other.length !== names.length || other.some((n) => !first.columns.has(n))) fail(`vcat: the data frames have different columns (${names.join(', ')} and ${other.join(', ')})`);
  }
  return new DataFrame(
    new Map(
      names.map((name) => {
        const parts = frames.map((df) => df.columns.get(name)!);
        const eltype = parts.every((c) => c.eltype === parts[0]!.eltype) ? parts[0]!.eltype : parts.every((c) => c.eltype === 'int' || c.eltype === 'float') ? 'float' : 'any';
        return [name, JArray.vector(parts.flatMap((c) => c.data), eltype)];
      }),
    ),
  );
}
