import { JFunction, describe, type Value } from '../../model/index.js';
import { ORDERBY, REFUSED_MACRO, WITH } from '../parser/frame-macros.js';
import { fail } from '../runtime/errors.js';
import { columnOf, selectedNames } from './columns.js';
import { fn, frameOf } from './define.js';
import { rowsOrderedBy } from './rows.js';
import { computedColumn } from './transform.js';

const functionOf = (name: string, f: Value | undefined): JFunction => (f instanceof JFunction ? f : fail(`${name} takes a function, got ${f === undefined ? 'nothing' : describe(f)}`));

/** What DataFramesMeta's `@orderby` and `@with` are compiled to (the parser expands the other verbs to DataFrames' calls). */
export const metaFunctions: [string, JFunction][] = [
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
