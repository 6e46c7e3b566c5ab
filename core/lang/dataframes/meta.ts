import { DataFrame, JArray, JFunction, JNamedTuple, MISSING, describe, type Value } from '../../model/index.js';
import { ASTABLE_ROW } from '../parser/frame-blocks.js';
import { REFUSED_MACRO } from '../parser/frame-columns.js';
import { DISTINCT, DISTINCT_IN_PLACE, EACHROW, EACHROW_IN_PLACE, ORDERBY, WITH } from '../parser/frame-macros.js';
import { Pair } from '../runtime/index.js';
import { fail } from '../runtime/errors.js';
import { columnName, columnOf, selectedNames } from './columns.js';
import { fn, frameOf } from './define.js';
import { firstOccurrences, narrowed, rowsOrderedBy, rowSubset } from './rows.js';
import { computedColumn, computedColumns } from './transform.js';

const functionOf = (name: string, f: Value | undefined): JFunction => (f instanceof JFunction ? f : fail(`${name} takes a function, got ${f === undefined ? 'nothing' : describe(f)}`));

/**
 * The rows whose values first appear, as DataFrames' `unique(df, cols)` and DataFramesMeta's `@distinct(df, …)` keep
 * them: by every column, by the columns selected, or by what transformations compute (`@distinct(df, :x .+ :y)`).
 */
export function distinctRows(frame: DataFrame, specs: readonly Value[]): JArray {
  const keys = specs.length === 0 ? [...frame.columns.values()] : specs.flatMap((s) => (s instanceof Pair ? computedColumns(frame, s).map(([, c]) => c) : selectedNames(frame, s).map((n) => columnOf(frame, n))));
  return firstOccurrences(frame, keys);
}

/** The table changed in place to the rows kept (`unique!`, `@distinct!`). */
export function keptInPlace(frame: DataFrame, rows: JArray): DataFrame {
  for (const [n, c] of rowSubset(frame, rows).columns) frame.columns.set(n, c);
  return frame;
}

/**
 * `@eachrow(!)`: the parser's loop over the rows (`f(nrow, columns…)`) run on the columns it names, each the table's own,
 * which it writes cell by cell: a copy's (or, in place, the table's, whose read-only data columns are copied first).
 * The columns `@newcol` makes start `missing`, as a row the block never writes leaves them; they then say what they hold.
 */
function eachRow(name: string, inPlace: boolean, [df, sources, made, f]: Value[]): DataFrame {
  const given = frameOf(name, df);
  const frame = inPlace ? given : new DataFrame(new Map([...given.columns].map(([n, c]) => [n, c.copy()])));
  for (const [n, c] of frame.columns) if (c.frozen) frame.columns.set(n, c.copy());
  const newNames = (made as JArray).data.map((m) => columnName(m as Value));
  for (const n of newNames) if (!frame.columns.has(n)) frame.columns.set(n, JArray.vector(new Array<Value>(frame.nrow).fill(MISSING)));
  functionOf(name, f).call([frame.nrow, ...selectedNames(frame, sources!).map((n) => columnOf(frame, n))], new Map());
  for (const n of newNames) {
    const c = frame.columns.get(n)!;
    frame.columns.set(n, new JArray(c.shape, c.data, narrowed(c.data as Value[], 'any')));
  }
  return frame;
}

/** What DataFramesMeta's `@orderby`, `@distinct` and `@with` are compiled to (the parser expands the other verbs to DataFrames' calls). */
export const metaFunctions: [string, JFunction][] = [
  fn(EACHROW, (args) => eachRow('@eachrow', false, args)),
  // `@astable`'s row: each column it made under its name.
  fn(ASTABLE_ROW, ([names, values]) => new JNamedTuple(new Map((names as JArray).data.map((n, k) => [columnName(n as Value), (values as JArray).data[k] as Value])))),
  fn(EACHROW_IN_PLACE, (args) => eachRow('@eachrow!', true, args)),
  fn(DISTINCT, ([df, ...specs]) => rowSubset(frameOf('@distinct', df), distinctRows(frameOf('@distinct', df), specs))),
  fn(DISTINCT_IN_PLACE, ([df, ...specs]) => keptInPlace(frameOf('@distinct!', df), distinctRows(frameOf('@distinct!', df), specs))),
  // `@orderby(df, :g, -:x)`: the rows sorted by each expression's column in turn, ties kept in order.
  fn(ORDERBY, ([df, ...specs]) => {
    const frame = frameOf('@orderby', df);
    return rowsOrderedBy(frame, specs.map((s) => computedColumn(frame, s)[1].data as Value[]), false);
  }),
  // A macro Tilde does not read (`@eachrow`): the line that uses it says why, with the message the parser gave (last: `@chain` puts its value first).
  fn(REFUSED_MACRO, (args) => fail(args.at(-1) as string)),
];

/** `@with(df, :x .+ :y)`: the expression's value, the columns it names given whole; a model given the table may write it too. */
export const withColumns: [string, JFunction] = fn(WITH, ([df, sources, f]) => {
  const frame = frameOf('@with', df);
  return functionOf('@with', f).call(selectedNames(frame, sources!).map((n) => columnOf(frame, n)), new Map());
});
