import { DataFrame, JArray, JFunction, JSymbol, JTuple, describe, type Value } from '../../model/index.js';
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


/** The function of a transformation, as DataFrames names the column it makes when no name is given (`a_mean`). */
function functionOf(v: Value): { call: (args: Value[]) => Value; rows: boolean; name: string } {
  const f = v instanceof ByRow ? v.f : v;
  if (!(f instanceof JFunction)) return fail(`a transformation takes a function (\`:a => mean => :b\`, \`:a => ByRow(f) => :b\`), got ${describe(v)}`);
  return { call: (args) => f.call(args, new Map()), rows: v instanceof ByRow, name: f.name };
}

/**
 * One column DataFrames' `select`, `transform` and `subset` compute from a pair: `:a => :b` (renamed), `:a => f`,
 * `:a => f => :b` and `[:a, :b] => ByRow((a, b) -> …) => :c`. A bare function gets the columns, `ByRow` each row's cells;
 * a single value is repeated down the rows, as DataFrames does.
 */
export function computedColumn(df: DataFrame, pair: Pair): [string, JArray] {
  const sources = selectedNames(df, pair.first);
  if (pair.second instanceof JSymbol || typeof pair.second === 'string') {
    if (sources.length !== 1) fail('a column is renamed one at a time: `:a => :b`');
    return [columnName(pair.second), columnOf(df, sources[0]!).copy()];
  }
  const [how, target] = pair.second instanceof Pair ? [pair.second.first, columnName(pair.second.second)] : [pair.second, undefined];
  const f = functionOf(how);
  const columns = sources.map((n) => columnOf(df, n));
  const made = f.rows ? JArray.vector(Array.from({ length: df.nrow }, (_, i) => f.call(columns.map((c) => c.data[i] as Value)))) : f.call(columns);
  const name = target ?? `${sources.join('_')}_${f.name}`;
  if (made instanceof JArray && made.ndims === 1) {
    if (made.length !== df.nrow) fail(`the column \`${name}\` computed has ${made.length} values; the data frame has ${df.nrow} rows`);
    return [name, made];
  }
  return [name, JArray.vector(expandTo(made, [df.nrow]))];
}

/** `subset(df, :age => ByRow(>=(18)), …)`: the rows every condition keeps. */
export function keptRows(df: DataFrame, conditions: readonly Value[]): JArray {
  const keep = new Array<boolean>(df.nrow).fill(true);
  for (const c of conditions) {
    if (!(c instanceof Pair)) fail(`subset takes conditions as pairs, \`:age => ByRow(>=(18))\`, not ${describe(c)}`);
    const [, column] = computedColumn(df, new Pair((c as Pair).first, new Pair((c as Pair).second, 'kept')));
    column.data.forEach((k, i) => {
      if (typeof k !== 'boolean') fail(`a subset condition must give true or false for each row, got ${describe(k as Value)}`);
      keep[i] = keep[i]! && k;
    });
  }
  return JArray.vector(keep.flatMap((k, i) => (k ? [i + 1] : [])), 'int');
}
