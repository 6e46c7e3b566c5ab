import { DataFrame, JArray, JFunction, JNamedTuple, JRange, type ElementType, type Value } from '../../model/index.js';
import { expandTo } from '../runtime/broadcast.js';
import { fail } from '../runtime/errors.js';
import { COLON, getIndex, setIndex, type IndexValue } from '../runtime/index.js';
import { columnOf, selectedNames, singleName, withColumns } from './columns.js';
import { NotIndex } from './selectors.js';

/** `df[!, …]`: DataFrames' row selector for the columns themselves, without a copy. */
const isBang = (rows: IndexValue): boolean => (rows as unknown) instanceof JFunction && (rows as unknown as JFunction).name === '!';

/** The rows and the columns of `df[rows, cols]`; `Not(2)` of rows as the rows it keeps. */
function twoIndices(df: DataFrame, indices: readonly IndexValue[]): [IndexValue, IndexValue] {
  if (indices.length !== 2) fail('a data frame is indexed by rows and columns, as in `df[!, :y]`, `df[:, [:a, :b]]` or `df[df.age .>= 18, :]`');
  const [rows, cols] = indices as [IndexValue, IndexValue];
  // Said of the table's rows, where the column's own bounds error would call the table a vector.
  if (typeof rows === 'number' && (rows < 1 || rows > df.nrow)) fail(`row ${rows} is out of bounds: the data frame has ${df.nrow} rows`);
  if (!((rows as unknown) instanceof NotIndex)) return [rows, cols];
  const all = JArray.vector(Array.from({ length: df.nrow }, (_, i) => i + 1), 'int');
  // The rows each excluded index names, as `all` (1, 2, …, n) indexed by it: a row, a range, a vector or a Bool mask.
  const named = (x: Value): number[] => {
    const v = getIndex(all, [x as IndexValue]);
    return v instanceof JArray ? (v.data as number[]) : [v as number];
  };
  const dropped = new Set((rows as unknown as NotIndex).excluded.flatMap(named));
  return [JArray.vector(all.data.filter((i) => !dropped.has(i as number)), 'int'), cols];
}

/**
 * `df[!, :y]` (the column itself), `df[:, :y]` (a copy), `df[i, :y]` (a cell), `df[rows, :]` and `df[:, Not(:y)]` (a new
 * table), `df[i, :]` (the row, as a named tuple), with DataFrames' meanings.
 */
export function getFrameIndex(df: DataFrame, indices: readonly IndexValue[]): Value {
  const [rows, cols] = twoIndices(df, indices);
  const name = singleName(df, cols);
  if (name !== undefined) {
    const column = columnOf(df, name);
    if (isBang(rows)) return column;
    return rows === COLON ? column.copy() : getIndex(column, [rows]);
  }
  const names = selectedNames(df, cols);
  if (isBang(rows) || rows === COLON) return withColumns(df, names, rows === COLON);
  if (typeof rows === 'number') return new JNamedTuple(new Map(names.map((n) => [n, getIndex(columnOf(df, n), [rows])])));
  return new DataFrame(new Map(names.map((n) => [n, getIndex(columnOf(df, n), [rows]) as JArray])));
}

/** A vector's element type from its values, where no array says it. */
function elementTypeOf(values: readonly Value[]): ElementType {
  if (values.every((v) => typeof v === 'boolean')) return 'bool';
  return values.every((v) => typeof v === 'number') ? 'float' : 'any';
}

/** A column the script writes: a vector of the table's length (`df.n = 1:nrow(df)`), never a bare number. */
function asColumn(df: DataFrame, name: string, v: Value): JArray {
  let column: JArray;
  if (v instanceof JRange) column = new JArray([v.length], Array.from({ length: v.length }, (_, k) => v.at(k)), v.float ? 'float' : 'int');
  else if (v instanceof JArray && v.ndims === 1) column = v;
  else return fail(`a column must be a vector: to set every row of \`${name}\` to one value, write \`df[!, :${name}] .= v\``);
  if (df.ncol > 0 && column.length !== df.nrow) fail(`the new column \`${name}\` has ${column.length} values; the data frame has ${df.nrow} rows`);
  return column;
}

/** `df[!, :y] .= v`: a new vector, as DataFrames replaces (or adds) the column, whatever its old element type. */
function broadcastColumn(df: DataFrame, v: Value): JArray {
  const values = expandTo(v, [df.nrow]);
  return JArray.vector(values, v instanceof JArray ? v.eltype : elementTypeOf(values));
}

/**
 * `df[!, :y] = v` and `df.y = v` (replace or add the column), `df[!, :y] .= v` (a new column of v broadcast),
 * `df[:, :y] .= v` and `df[rows, :y] = v` (written into the column in place, which must exist unless all rows are).
 */
export function setFrameIndex(df: DataFrame, indices: readonly IndexValue[], v: Value, dotted: boolean): void {
  const [rows, cols] = twoIndices(df, indices);
  const name = singleName(df, cols);
  if (name === undefined) return fail('Tilde writes one column of a data frame at a time: `df[!, :y] = v`');
  const existing = df.columns.get(name);
  if (isBang(rows) || (rows === COLON && existing === undefined)) return setFrameField(df, name, v, dotted);
  setIndex(existing ?? columnOf(df, name), [rows], v, dotted);
}

/** `df.y = v` and `df.y .= v`: as `df[!, :y] = v` and `df[!, :y] .= v`. */
export function setFrameField(df: DataFrame, name: string, v: Value, dotted: boolean): void {
  df.columns.set(name, dotted ? broadcastColumn(df, v) : asColumn(df, name, v));
}
