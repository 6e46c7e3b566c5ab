import { DataFrame, JArray, JFunction, JTuple, type Value } from '../../model/index.js';
import { isEqualKey, Pair } from '../runtime/index.js';
import { fail } from '../runtime/errors.js';
import { columnOf, selectedNames } from './columns.js';
import { frameOf } from './define.js';
import { compareKeys, rowSubset } from './rows.js';
import { cellsOf, computedAll, keptRows, specsOf } from './transform.js';

/**
 * DataFrames' `groupby(df, :county)`: the table's rows by the values of the key columns, each group a data frame (so
 * `for g in groupby(df, :g)` and `length(gdf)` work as on a vector of them). Groups come in the order their keys first
 * appear, or sorted with `sort = true`; Julia leaves the default order unspecified, which `combine` makes harmless by
 * writing the keys beside the results.
 */
export class GroupedFrame extends JTuple {
  constructor(
    readonly parent: DataFrame,
    readonly keys: readonly string[],
    /** Each group's rows of the parent, 1-based, in order. */
    readonly rows: readonly number[][],
  ) {
    super(rows.map((r) => rowSubset(parent, JArray.vector(r, 'int'))));
  }

  get groups(): DataFrame[] {
    return this.items as DataFrame[];
  }
}

export function grouped([df, by]: Value[], kwargs: Map<string, Value>): GroupedFrame {
  const frame = frameOf('groupby', df);
  const keys = selectedNames(frame, by ?? fail('groupby takes the columns to group by, as in `groupby(df, :county)`'));
  const columns = keys.map((k) => columnOf(frame, k));
  const found: { key: Value[]; rows: number[] }[] = [];
  for (let i = 0; i < frame.nrow; i++) {
    const key = columns.map((c) => c.data[i] as Value);
    const group = found.find((g) => g.key.every((v, k) => isEqualKey(v, key[k]!)));
    if (group) group.rows.push(i + 1);
    else found.push({ key, rows: [i + 1] });
  }
  if (kwargs.get('sort') === true) found.sort((a, b) => compareKeys(a.key, b.key));
  return new GroupedFrame(frame, keys, found.map((g) => g.rows));
}

/** A table as `combine` takes it: a grouped one, or a whole table as one group. */
function asGroups(name: string, what: Value): GroupedFrame {
  if (what instanceof GroupedFrame) return what;
  const frame = frameOf(name, what);
  return new GroupedFrame(frame, [], [Array.from({ length: frame.nrow }, (_, i) => i + 1)]);
}

/**
 * DataFrames' `combine(groupby(df, :g), :y => mean => :m, nrow)`: each group's keys then its results, one row when
 * every result is one value, else as many rows as its vectors have, one values repeated down them
 * (`@by(df, :g, :yc = :y .- mean(:y), :m = mean(:y))`); an `AsTable` result makes a column of each name.
 */
export function combined(what: Value, specs: readonly Value[]): DataFrame {
  const gdf = asGroups('combine', what);
  const columns = new Map<string, Value[]>(gdf.keys.map((k) => [k, []]));
  gdf.groups.forEach((g) => {
    const results = specsOf(specs).flatMap((spec) => computedAll(g, spec));
    const lengths = new Set(results.flatMap(([, v]) => cellsOf(v)?.length ?? []));
    if (lengths.size > 1) fail(`combine: the results for a group have ${[...lengths].join(' and ')} values; vectors must be as long as each other`);
    const rows = lengths.size === 1 ? [...lengths][0]! : 1;
    for (const k of gdf.keys) columns.get(k)!.push(...new Array<Value>(rows).fill(columnOf(g, k).data[0] as Value));
    // A result under a key's name (`combine(gdf, first)` gives the row, keys too) is the key itself.
    for (const [name, v] of results.filter(([n]) => !gdf.keys.includes(n))) {
      if (!columns.has(name)) columns.set(name, []);
      columns.get(name)!.push(...(cellsOf(v) ?? new Array<Value>(rows).fill(v)));
    }
  });
  const typed = (k: string): JArray => (gdf.keys.includes(k) ? JArray.vector(columns.get(k)!, columnOf(gdf.parent, k).eltype) : JArray.vector(columns.get(k)!));
  return new DataFrame(new Map([...columns.keys()].map((k) => [k, typed(k)])));
}

/**
 * DataFrames' `transform(groupby(df, :g), :y => (y -> y .- mean(y)) => :yc)` and `select` of a grouped table: each
 * group's result down its own rows, in the table's row order; `select` keeps the keys first, `transform` every column.
 */
export function selectedByGroup(gdf: GroupedFrame, specs: readonly Value[], keepAll: boolean): DataFrame {
  const out = new Map<string, JArray>();
  for (const n of keepAll ? gdf.parent.columns.keys() : gdf.keys) out.set(n, columnOf(gdf.parent, n).copy());
  for (const spec of specsOf(specs)) {
    if (!(spec instanceof Pair) && !(spec instanceof JFunction)) {
      for (const n of selectedNames(gdf.parent, spec)) if (!out.has(n)) out.set(n, columnOf(gdf.parent, n).copy());
      continue;
    }
    const made = new Map<string, Value[]>();
    gdf.groups.forEach((g, k) => {
      const rows = gdf.rows[k]!;
      for (const [n, v] of computedAll(g, spec)) {
        const cells = cellsOf(v);
        if (cells !== undefined && cells.length !== rows.length) fail(`${keepAll ? 'transform' : 'select'}: \`${n}\` gives ${cells.length} values for a group of ${rows.length} rows`);
        if (!made.has(n)) made.set(n, new Array<Value>(gdf.parent.nrow));
        rows.forEach((r, i) => (made.get(n)![r - 1] = cells === undefined ? v : cells[i]!));
      }
    });
    for (const [n, data] of made) out.set(n, JArray.vector(data));
  }
  return new DataFrame(out);
}

/** DataFrames' `subset(groupby(df, :g), :y => (y -> y .> mean(y)))`: the rows each group's conditions keep, in the table's order. */
export function subsetByGroup(gdf: GroupedFrame, conditions: readonly Value[], skipMissing: boolean): JArray {
  const kept = gdf.groups.flatMap((g, k) => (keptRows(g, conditions, skipMissing).data as number[]).map((i) => gdf.rows[k]![i - 1]!));
  return JArray.vector(kept.sort((a, b) => a - b), 'int');
}
