import { DataFrame, JArray, JFunction, JNamedTuple, JRange, JSymbol, JTuple, MISSING, describe, type Value } from '../../model/index.js';
import { expandTo } from '../runtime/broadcast.js';
import { fail } from '../runtime/errors.js';
import { Pair } from '../runtime/index.js';
import { columnName, columnOf, selectedNames } from './columns.js';

/** DataFrames' `ByRow(f)`: `f` called on each row's cells, where a bare `f` gets the whole columns. */
export class ByRow extends JTuple {
  constructor(readonly f: JFunction) {
    super([f]);
  }
}

/** DataFrames' `AsTable(cols)` as a source: the function gets the columns as one named tuple (with `ByRow`, each row's). */
export class AsTableSource extends JTuple {
  constructor(readonly selector: Value) {
    super([selector]);
  }
}

/**
 * The name `computed` gives a result that makes several columns: a transformation whose target is `AsTable`
 * (`:y => f => AsTable`, DataFramesMeta's `$AsTable = …`), or one with no target whose function returns a named
 * tuple (`@combine(gd, (n = length(:y), s = sum(:y)))`), which DataFrames spreads into columns by its names.
 */
export const AS_TABLE = '⟨AsTable⟩';

const isAsTable = (v: Value): boolean => v instanceof JFunction && v.name === 'AsTable';

/** The function of a transformation, as DataFrames names the column it makes when no name is given (`a_mean`). */
function functionOf(v: Value): { call: (args: Value[]) => Value; rows: boolean; name: string } {
  const f = v instanceof ByRow ? v.f : v;
  if (!(f instanceof JFunction)) return fail(`a transformation takes a function (\`:a => mean => :b\`, \`:a => ByRow(f) => :b\`), got ${describe(v)}`);
  return { call: (args) => f.call(args, new Map()), rows: v instanceof ByRow, name: f.name };
}

/**
 * What a pair of DataFrames' `select`, `transform`, `combine` and `subset` computes, with the column's name: `:a => :b`
 * (renamed), `:a => f`, `:a => f => :b`, `[:a, :b] => ByRow((a, b) -> …) => :c`, and `nrow` / `nrow => :n` (the rows).
 * A bare function gets the columns, `ByRow` each row's cells.
 */
export function computed(df: DataFrame, spec: Value): [string, Value] {
  if (spec instanceof JFunction && spec.name === 'nrow') return ['nrow', df.nrow];
  // `combine(gdf, first)`, `combine(gdf, sdf -> (m = mean(sdf.y),))`: a function of the whole (sub)table; a row or table it gives spreads into columns.
  if (spec instanceof JFunction) {
    const made = spec.call([df], new Map());
    return [made instanceof JNamedTuple || made instanceof DataFrame ? AS_TABLE : 'x1', made];
  }
  if (!(spec instanceof Pair)) return fail(`a transformation is a pair, as in \`:a => mean => :b\`, got ${describe(spec)}`);
  if (spec.first instanceof JFunction && spec.first.name === 'nrow') return [columnName(spec.second), df.nrow];
  const asTable = spec.first instanceof AsTableSource;
  const sources = selectedNames(df, spec.first instanceof AsTableSource ? spec.first.selector : spec.first);
  if (spec.second instanceof JSymbol || typeof spec.second === 'string') {
    if (sources.length !== 1) fail('a column is renamed one at a time: `:a => :b`');
    return [columnName(spec.second), columnOf(df, sources[0]!).copy()];
  }
  const [how, target] = spec.second instanceof Pair ? [spec.second.first, isAsTable(spec.second.second) ? AS_TABLE : columnName(spec.second.second)] : [spec.second, undefined];
  const f = functionOf(how);
  const columns = sources.map((n) => columnOf(df, n));
  const args = (cells: Value[]): Value[] => (asTable ? [new JNamedTuple(new Map(sources.map((n, k) => [n, cells[k]!])))] : cells);
  const made = f.rows ? JArray.vector(Array.from({ length: df.nrow }, (_, i) => f.call(args(columns.map((c) => c.data[i] as Value))))) : f.call(args(columns));
  return [target ?? (made instanceof JNamedTuple ? AS_TABLE : `${sources.join('_')}_${f.name}`), made];
}

/** What a transformation computes, column by column: one, or those of the named tuple (or vector of named tuples, by row) an `AsTable` result holds. */
export function computedAll(df: DataFrame, spec: Value): [string, Value][] {
  const [name, made] = computed(df, spec);
  if (name !== AS_TABLE) return [[name, made]];
  if (made instanceof JNamedTuple) return [...made.entries];
  if (made instanceof DataFrame) return [...made.columns];
  const rows = made instanceof JArray && made.data.every((r) => r instanceof JNamedTuple) ? (made.data as JNamedTuple[]) : fail(`an \`AsTable\` transformation gives a named tuple, as in \`(a = sum(:x), b = mean(:x))\`, got ${describe(made)}`);
  const names = rows.length === 0 ? [] : [...rows[0]!.entries.keys()];
  return names.map((n) => [n, JArray.vector(rows.map((r) => r.entries.get(n) ?? fail(`the rows' named tuples differ: one has no \`${n}\``)))]);
}

/** The transformations written, a vector of pairs (`[:a, :b] .=> mean`) spread into its pairs, as DataFrames takes it. */
export function specsOf(args: readonly Value[]): Value[] {
  return args.flatMap((a) => (a instanceof JArray && a.length > 0 && a.data.every((x) => x instanceof Pair) ? (a.data as Value[]) : [a]));
}

/** A result as the rows it fills: a vector's (or range's) elements, else undefined for one value that repeats. */
export function cellsOf(v: Value): Value[] | undefined {
  if (v instanceof JArray && v.ndims === 1) return v.data as Value[];
  if (v instanceof JRange) return Array.from({ length: v.length }, (_, k) => v.at(k));
  return undefined;
}

/** A computed column down the table's rows: a vector of its length, or a single value repeated, as DataFrames does. */
export function computedColumn(df: DataFrame, spec: Value): [string, JArray] {
  const [name, made] = computed(df, spec);
  return [name, downRows(df, name, made)];
}

/** Each column a transformation computes (several for `AsTable`), down the table's rows. */
export function computedColumns(df: DataFrame, spec: Value): [string, JArray][] {
  return computedAll(df, spec).map(([name, made]) => [name, downRows(df, name, made)]);
}

function downRows(df: DataFrame, name: string, made: Value): JArray {
  if (made instanceof JArray && made.ndims === 1) {
    if (made.length !== df.nrow) fail(`the column \`${name}\` computed has ${made.length} values; the data frame has ${df.nrow} rows`);
    return made;
  }
  return JArray.vector(expandTo(made, [df.nrow]));
}

/** `subset(df, :age => ByRow(>=(18)), …)`: the rows every condition keeps; with `skipmissing = true`, not those where one is `missing`. */
export function keptRows(df: DataFrame, conditions: readonly Value[], skipMissing = false): JArray {
  const keep = new Array<boolean>(df.nrow).fill(true);
  for (const c of specsOf(conditions)) {
    if (!(c instanceof Pair)) fail(`subset takes conditions as pairs, \`:age => ByRow(>=(18))\`, not ${describe(c)}`);
    const [, column] = computedColumn(df, new Pair((c as Pair).first, new Pair((c as Pair).second, 'kept')));
    column.data.forEach((cell, i) => {
      const k = skipMissing && cell === MISSING ? false : cell;
      if (typeof k !== 'boolean') fail(`a subset condition must give true or false for each row, got ${describe(k as Value)}`);
      keep[i] = keep[i]! && k;
    });
  }
  return JArray.vector(keep.flatMap((k, i) => (k ? [i + 1] : [])), 'int');
}
