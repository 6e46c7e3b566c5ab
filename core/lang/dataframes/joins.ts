import { DataFrame, JArray, JFunction, JSymbol, MISSING, describe, type ElementType, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { Pair } from '../runtime/index.js';
import { columnName, columnOf } from './columns.js';
import { fn, frameOf } from './define.js';

type Kind = 'inner' | 'left' | 'right' | 'outer' | 'semi' | 'anti';

/** `on = :k`, `on = [:k1, :k2]`, `on = :a => :b`, `on = [:a => :b, …]`: each key as the left and the right table name it. */
function keysOf(on: Value | undefined): [string, string][] {
  if (on === undefined) return fail('a join takes the key columns, as in `innerjoin(a, b, on = :id)`');
  if (on instanceof Pair) return [[columnName(on.first), columnName(on.second)]];
  if (on instanceof JArray) return (on.data as Value[]).flatMap(keysOf);
  if (on instanceof JSymbol || typeof on === 'string') return [[columnName(on), columnName(on)]];
  return fail(`a join's \`on\` names key columns (\`:id\`, \`[:a, :b]\`, \`:a => :b\`), not ${describe(on)}`);
}

/** A cell as text that tells keys apart as `isequal` does for a table's values (numbers by value, Dates by day, Symbols by name). */
export const keyText = (v: Value): string => (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? `${typeof v}:${v}` : describe(v));

/** Each row's key as one string, for the rows of `names` (a key holding `missing` is refused, as DataFrames' `matchmissing = :error`). */
function rowKeys(df: DataFrame, names: readonly string[], side: string): string[] {
  const columns = names.map((n) => columnOf(df, n).data as Value[]);
  return Array.from({ length: df.nrow }, (_, i) =>
    columns
      .map((c, k) => {
        const v = c[i]!;
        if (v === MISSING) fail(`the ${side} table's key \`${names[k]}\` holds \`missing\` (row ${i + 1}), which DataFrames does not match: drop those rows first (\`dropmissing(df, :${names[k]})\`)`);
        return keyText(v);
      })
      .join('\u0000'),
  );
}

/** The type a column holding these parts' values has: theirs if one, Float64 for Int and Float64, else any; any with `missing` put in. */
function joinedType(types: readonly ElementType[], missingAdded: boolean): ElementType {
  if (missingAdded) return 'any';
  if (types.every((t) => t === types[0])) return types[0] ?? 'any';
  return types.every((t) => t === 'int' || t === 'float') ? 'float' : 'any';
}

/** A right-table column's name in the result: its own, or with `_1`, `_2`… added under `makeunique = true`, as DataFrames does. */
function uniqueName(name: string, taken: ReadonlyMap<string, JArray>, makeUnique: boolean): string {
  if (!taken.has(name)) return name;
  if (!makeUnique) fail(`both tables have a column \`${name}\` that is no key: pass \`makeunique = true\` (the right one is then \`${name}_1\`), or rename one first`);
  let k = 1;
  while (taken.has(`${name}_${k}`)) k++;
  return `${name}_${k}`;
}

/**
 * DataFrames' joins. Rows come in the left table's order (each with its matches in the right table's order), the rows
 * only the right table has after them; `rightjoin` in the right table's order. DataFrames ≥ 1.0 leaves the order of
 * `innerjoin` and `outerjoin` unspecified unless `order = :left` is given: this is that order. Columns: the left
 * table's, then the right one's other than its keys; a key of a row only the right table has comes from it.
 */
function joined(kind: Kind, left: DataFrame, right: DataFrame, kwargs: Map<string, Value>): DataFrame {
  const keys = keysOf(kwargs.get('on'));
  const [leftKeys, rightKeys] = [rowKeys(left, keys.map(([l]) => l), 'left'), rowKeys(right, keys.map(([, r]) => r), 'right')];
  const byKey = new Map<string, number[]>();
  rightKeys.forEach((k, j) => byKey.set(k, [...(byKey.get(k) ?? []), j]));
  const pairs: [number | undefined, number | undefined][] = [];
  if (kind === 'right') {
    const leftByKey = new Map<string, number[]>();
    leftKeys.forEach((k, i) => leftByKey.set(k, [...(leftByKey.get(k) ?? []), i]));
    rightKeys.forEach((k, j) => {
      const rows = leftByKey.get(k) ?? [];
      if (rows.length === 0) pairs.push([undefined, j]);
      for (const i of rows) pairs.push([i, j]);
    });
  } else {
    const matched = new Set<number>();
    leftKeys.forEach((k, i) => {
      const rows = byKey.get(k) ?? [];
      if (kind === 'semi' || kind === 'anti') {
        if ((rows.length > 0) === (kind === 'semi')) pairs.push([i, undefined]);
        return;
      }
      if (rows.length === 0 && kind !== 'inner') pairs.push([i, undefined]);
      for (const j of rows) {
        pairs.push([i, j]);
        matched.add(j);
      }
    });
    if (kind === 'outer') rightKeys.forEach((_, j) => matched.has(j) || pairs.push([undefined, j]));
  }
  const out = new Map<string, JArray>();
  const rightKeyOf = new Map(keys);
  for (const [name, column] of left.columns) {
    const other = rightKeyOf.get(name);
    const rightOnly = pairs.some(([i]) => i === undefined);
    // A key of a row only the right table has is the right table's.
    const from = other === undefined || !rightOnly ? undefined : columnOf(right, other);
    const values = pairs.map(([i, j]) => (i !== undefined ? column.data[i] : from !== undefined ? from.data[j!] : MISSING) as Value);
    out.set(name, JArray.vector(values, joinedType(from ? [column.eltype, from.eltype] : [column.eltype], rightOnly && from === undefined)));
  }
  if (kind === 'semi' || kind === 'anti') return new DataFrame(out);
  const rightKeyNames = new Set(keys.map(([, r]) => r));
  const makeUnique = kwargs.get('makeunique') === true;
  for (const [name, column] of right.columns) {
    if (rightKeyNames.has(name)) continue;
    const values = pairs.map(([, j]) => (j !== undefined ? column.data[j] : MISSING) as Value);
    out.set(uniqueName(name, out, makeUnique), JArray.vector(values, joinedType([column.eltype], pairs.some(([, j]) => j === undefined))));
  }
  return new DataFrame(out);
}

/** `crossjoin(a, b)`: every row of `a` with every row of `b`, `a`'s rows each repeated for all of `b`'s. */
function crossed(left: DataFrame, right: DataFrame, kwargs: Map<string, Value>): DataFrame {
  const [n, m] = [left.nrow, right.nrow];
  const out = new Map<string, JArray>();
  for (const [name, c] of left.columns) out.set(name, JArray.vector(Array.from({ length: n * m }, (_, k) => c.data[Math.floor(k / m)] as Value), c.eltype));
  for (const [name, c] of right.columns) out.set(uniqueName(name, out, kwargs.get('makeunique') === true), JArray.vector(Array.from({ length: n * m }, (_, k) => c.data[k % m] as Value), c.eltype));
  return new DataFrame(out);
}

/** The order Tilde gives a join's rows, which `order = :left` asks for and DataFrames' default leaves open. */
const LEFT_ORDER = new Set(['left', 'undefined']);

/** A keyword of a join that would make another table than Tilde's, which is refused rather than ignored. */
function unfollowed(name: string, kwargs: Map<string, Value>): string | undefined {
  for (const [key, v] of kwargs) {
    if (key === 'on' || key === 'makeunique') continue;
    if (key === 'order' && v instanceof JSymbol && (LEFT_ORDER.has(v.name) || (name === 'rightjoin' && v.name === 'right'))) continue;
    if (key === 'matchmissing' && v instanceof JSymbol && v.name === 'error') continue;
    return `${name}'s keyword \`${key}\` is not followed here (Tilde joins on \`on\`, with \`makeunique\`, in the left table's order): leave it out, or shape the columns before the join`;
  }
  return undefined;
}

/** A join of two tables or more, the first with the second, the result with the third…, as DataFrames joins several. */
function joining(name: string, join: (a: DataFrame, b: DataFrame, kwargs: Map<string, Value>) => DataFrame): [string, JFunction] {
  return fn(name, ([first, ...rest], kwargs) => {
    const refused = unfollowed(name, kwargs);
    if (refused !== undefined) fail(refused);
    if (rest.length === 0) fail(`${name} takes two tables or more, as in \`${name}(a, b${name === 'crossjoin' ? '' : ', on = :id'})\``);
    return rest.reduce<DataFrame>((acc, df) => join(acc, frameOf(name, df), kwargs), frameOf(name, first));
  });
}

export const joinFunctions: [string, JFunction][] = [
  ...(['inner', 'left', 'right', 'outer', 'semi', 'anti'] as const).map((kind) => joining(`${kind}join`, (a, b, kwargs) => joined(kind, a, b, kwargs))),
  joining('crossjoin', crossed),
];
