import { DataFrame, JArray, JDate, JSymbol, MISSING, type ElementType, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { columnName, columnOf, selectedNames } from './columns.js';
import { frameOf } from './define.js';
import { keyText } from './joins.js';

/** The type of a column holding all these columns' values: theirs if one, Float64 for Int and Float64, else any. */
function commonType(columns: readonly JArray[]): ElementType {
  const types = columns.map((c) => c.eltype);
  if (types.every((t) => t === types[0])) return types[0] ?? 'any';
  return types.every((t) => t === 'int' || t === 'float') ? 'float' : 'any';
}

/**
 * DataFrames' `stack(df, [:a, :b])`: long format, the other columns (or the `id` columns given) repeated for each
 * column stacked, then `variable` (its name) and `value`, a column's rows after another's. Without columns, the
 * Float64 ones are stacked, as DataFrames does.
 */
export function longFormat(df: DataFrame, [measures, ids]: Value[], kwargs: Map<string, Value>): DataFrame {
  const measured = measures === undefined ? [...df.columns].filter(([, c]) => c.eltype === 'float').map(([n]) => n) : selectedNames(df, measures);
  const kept = ids === undefined ? [...df.columns.keys()].filter((n) => !measured.includes(n)) : selectedNames(df, ids);
  const n = df.nrow;
  const out = new Map<string, JArray>();
  for (const name of kept) {
    const c = columnOf(df, name);
    out.set(name, JArray.vector(measured.flatMap(() => c.data as Value[]), c.eltype));
  }
  const variable = columnName(kwargs.get('variable_name') ?? JSymbol.of('variable'));
  const value = columnName(kwargs.get('value_name') ?? JSymbol.of('value'));
  out.set(variable, JArray.vector(measured.flatMap((m) => new Array<Value>(n).fill(m)), 'any'));
  const columns = measured.map((m) => columnOf(df, m));
  out.set(value, JArray.vector(columns.flatMap((c) => c.data as Value[]), commonType(columns)));
  return new DataFrame(out);
}

/** A column's name made from a value of the column key (`"a"`, `:a`, `1`). */
const nameOf = (v: Value): string => (v instanceof JSymbol ? v.name : v instanceof JDate ? v.toString() : String(v));

/**
 * DataFrames' `unstack(df, :id, :variable, :value)` (and `unstack(df, :variable, :value)`, the other columns the row
 * keys): wide format, a row per row key and a column per value of the column key, both in the order they first appear,
 * `fill` (`missing` by default) where a pair is absent; a pair given twice is refused unless `allowduplicates = true`
 * (then the last is kept), as DataFrames does.
 */
export function unstacked([df, ...args]: Value[], kwargs: Map<string, Value>): DataFrame {
  const frame = frameOf('unstack', df);
  if (args.length < 2 || args.length > 3) fail('unstack takes the row keys, the column key and the values, as in `unstack(df, :id, :variable, :value)`');
  const [colkey, valuekey] = args.slice(-2).map((a) => columnName(a as Value)) as [string, string];
  const rowNames = args.length === 3 ? selectedNames(frame, args[0]!) : [...frame.columns.keys()].filter((n) => n !== colkey && n !== valuekey);
  const rowColumns = rowNames.map((n) => columnOf(frame, n));
  const [keys, values] = [columnOf(frame, colkey), columnOf(frame, valuekey)];
  const rows = new Map<string, number>();
  const firstRows: number[] = [];
  const names = new Set<string>();
  const cells = new Map<string, Value>();
  for (let i = 0; i < frame.nrow; i++) {
    const rowKey = rowColumns.map((c) => keyText(c.data[i] as Value)).join('\u0000');
    if (!rows.has(rowKey)) {
      rows.set(rowKey, firstRows.length);
      firstRows.push(i);
    }
    const column = nameOf(keys.data[i] as Value);
    names.add(column);
    const cell = `${rows.get(rowKey)!}\u0000${column}`;
    if (cells.has(cell) && kwargs.get('allowduplicates') !== true) fail(`unstack: the row ${rowNames.map((n, k) => `${n} = ${String(rowColumns[k]!.data[i])}`).join(', ')} has \`${column}\` twice: pass \`allowduplicates = true\` to keep the last`);
    cells.set(cell, values.data[i] as Value);
  }
  const fill = kwargs.get('fill') ?? MISSING;
  const out = new Map<string, JArray>(rowNames.map((n, k) => [n, JArray.vector(firstRows.map((i) => rowColumns[k]!.data[i] as Value), rowColumns[k]!.eltype)]));
  for (const column of names) {
    const data = firstRows.map((_, r) => cells.get(`${r}\u0000${column}`) ?? fill);
    out.set(column, JArray.vector(data, data.includes(MISSING) ? 'any' : values.eltype));
  }
  return new DataFrame(out);
}
