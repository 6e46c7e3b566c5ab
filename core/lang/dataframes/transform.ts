import { DataFrame, JArray, JFunction, JSymbol, JTuple, MISSING, describe, type Value } from '../../model/index.js';
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
 * What a pair of DataFrames' `select`, `transform`, `combine` and `subset` computes, with the column's name: `:a => :b`
 * (renamed), `:a => f`, `:a => f => :b`, `[:a, :b] => ByRow((a, b) -> …) => :c`, and `nrow` / `nrow => :n` (the rows).
 * A bare function gets the columns, `ByRow` each row's cells.
 */
export function computed(df: DataFrame, spec: Value): [string, Value] {
  if (spec instanceof JFunction && spec.name === 'nrow') return ['nrow', df.nrow];
  if (!(spec instanceof Pair)) return fail(`a transformation is a pair, as in \`:a => mean => :b\`, got ${describe(spec)}`);
  if (spec.first instanceof JFunction && spec.first.name === 'nrow') return [columnName(spec.second), df.nrow];
  const sources = selectedNames(df, spec.first);
  if (spec.second instanceof JSymbol || typeof spec.second === 'string') {
    if (sources.length !== 1) fail('a column is renamed one at a time: `:a => :b`');
    return [columnName(spec.second), columnOf(df, sources[0]!).copy()];
  }
  const [how, target] = spec.second instanceof Pair ? [spec.second.first, columnName(spec.second.second)] : [spec.second, undefined];
  const f = functionOf(how);
  const columns = sources.map((n) => columnOf(df, n));
  const made = f.rows ? JArray.vector(Array.from({ length: df.nrow }, (_, i) => f.call(columns.map((c) => c.data[i] as Value)))) : f.call(columns);
  return [target ?? `${sources.join('_')}_${f.name}`, made];
}

/** A computed column down the table's rows: a vector of its length, or a single value repeated, as DataFrames does. */
export function computedColumn(df: DataFrame, spec: Value): [string, JArray] {
  const [name, made] = computed(df, spec);
  if (made instanceof JArray && made.ndims === 1) {
    if (made.length !== df.nrow) fail(`the column \`${name}\` computed has ${made.length} values; the data frame has ${df.nrow} rows`);
    return [name, made];
  }
  return [name, JArray.vector(expandTo(made, [df.nrow]))];
}

/** `subset(df, :age => ByRow(>=(18)), …)`: the rows every condition keeps; with `skipmissing = true`, not those where one is `missing`. */
export function keptRows(df: DataFrame, conditions: readonly Value[], skipMissing = false): JArray {
  const keep = new Array<boolean>(df.nrow).fill(true);
  for (const c of conditions) {
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
