import { DataFrame, JArray, JTuple, describe, type Value } from '../../model/index.js';
import { isEqualKey } from '../runtime/index.js';
import { fail } from '../runtime/errors.js';
import { columnOf, selectedNames } from './columns.js';
import { frameOf } from './define.js';
import { compareKeys, rowSubset } from './rows.js';
import { computed } from './transform.js';

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

/** One value per group, as `combine` keeps it: a vector of one, or a single value. */
function single(name: string, v: Value): Value {
  if (v instanceof JArray) return v.length === 1 ? (v.data[0] as Value) : fail(`combine: \`${name}\` gives ${describe(v)} for a group; it takes one value per group (\`:y => mean\`)`);
  return v;
}

/** DataFrames' `combine(groupby(df, :g), :y => mean => :m, nrow)`: one row per group, its keys then each result. */
export function combined(what: Value, specs: readonly Value[]): DataFrame {
  const gdf = what instanceof GroupedFrame ? what : new GroupedFrame(frameOf('combine', what), [], [Array.from({ length: frameOf('combine', what).nrow }, (_, i) => i + 1)]);
  const columns = new Map<string, JArray>();
  for (const k of gdf.keys) columns.set(k, JArray.vector(gdf.groups.map((g) => columnOf(g, k).data[0] as Value), columnOf(gdf.parent, k).eltype));
  for (const spec of specs) {
    const results = gdf.groups.map((g) => computed(g, spec));
    const name = results[0]?.[0] ?? computed(gdf.parent, spec)[0];
    columns.set(name, JArray.vector(results.map(([, v]) => single(name, v))));
  }
  return new DataFrame(columns);
}

/** DataFrames' `transform(groupby(df, :g), :y => (y -> y .- mean(y)) => :yc)`: each group's result down its own rows. */
export function transformedByGroup(gdf: GroupedFrame, specs: readonly Value[]): DataFrame {
  const out = new DataFrame(new Map([...gdf.parent.columns].map(([n, c]) => [n, c.copy()])));
  for (const spec of specs) {
    const data = new Array<Value>(gdf.parent.nrow);
    let name = '';
    gdf.groups.forEach((g, k) => {
      const [n, v] = computed(g, spec);
      name = n;
      const rows = gdf.rows[k]!;
      rows.forEach((r, i) => (data[r - 1] = v instanceof JArray ? (v.length === rows.length ? (v.data[i] as Value) : fail(`transform: \`${n}\` gives ${v.length} values for a group of ${rows.length} rows`)) : v));
    });
    out.columns.set(name, JArray.vector(data));
  }
  return out;
}
