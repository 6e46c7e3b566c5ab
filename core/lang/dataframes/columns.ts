import { DataFrame, JArray, JFunction, JRange, JSymbol, describe, type Value } from '../../model/index.js';
import { closest } from '../compile/suggest.js';
import { fail } from '../runtime/errors.js';
import { COLON, type IndexValue } from '../runtime/index.js';
import { BetweenIndex, ColsIndex, NotIndex, RegexValue } from './selectors.js';

/** The first text cell of a column (or of any value that may be a vector): where it holds text, which numbers cannot stand for. */
export const textIn = (v: Value | undefined): string | undefined => (v instanceof JArray ? (v.data.find((x) => typeof x === 'string') as string | undefined) : undefined);

/** A column's name as a script writes it: `:a` or `"a"`. */
export const columnName = (v: Value): string => (v instanceof JSymbol ? v.name : typeof v === 'string' ? v : fail(`a column is named by a Symbol or a string, not ${describe(v)}`));

/** The column `name` of the table, or an error naming the closest column the table has (`df.wieght`: `weight`). */
export function columnOf(df: DataFrame, name: string): JArray {
  const column = df.columns.get(name);
  if (column !== undefined) return column;
  const near = closest(name, df.columns.keys());
  return fail(`the data frame has no column \`${name}\`${near === undefined ? '' : ` — did you mean \`${near}\`?`} (its columns: ${listed(df)})`);
}

function listed(df: DataFrame): string {
  const names = [...df.columns.keys()];
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
}

/** A column named by a Symbol or a string (`:y`, `"y"`), or undefined for any other selector. */
export function singleName(df: DataFrame, selector: Value | IndexValue): string | undefined {
  if (selector instanceof JSymbol) return selector.name;
  if (typeof selector === 'string') return selector;
  if (typeof selector === 'number') {
    const name = [...df.columns.keys()][selector - 1];
    return name ?? fail(`column ${selector} is out of bounds: the data frame has ${df.ncol} columns`);
  }
  return undefined;
}

/**
 * The columns a selector names, in the order it names them, as DataFrames' `select` keeps it: a name, a vector or
 * tuple of names, positions, `:` for all, `Not(…)` for all but some, `Between(:a, :d)` and `Cols(…)` (in the table's order).
 */
export function selectedNames(df: DataFrame, selector: Value | IndexValue): string[] {
  if (selector === COLON) return [...df.columns.keys()];
  if (selector instanceof RegexValue) return [...df.columns.keys()].filter((name) => selector.re.test(name));
  if (selector instanceof ColsIndex) return [...new Set(selector.selections.flatMap((s) => selectedNames(df, s)))];
  if (selector instanceof BetweenIndex) {
    const names = [...df.columns.keys()];
    const [from, to] = [selector.from, selector.to].map((end) => names.indexOf(selectedNames(df, end)[0]!));
    return names.slice(from, to! + 1);
  }
  if (selector instanceof NotIndex) {
    const excluded = new Set(selector.excluded.flatMap((s) => selectedNames(df, s)));
    return [...df.columns.keys()].filter((name) => !excluded.has(name));
  }
  const one = singleName(df, selector);
  if (one !== undefined) {
    columnOf(df, one);
    return [one];
  }
  if (selector instanceof JArray || selector instanceof JRange) {
    const items: Value[] = selector instanceof JRange ? Array.from({ length: selector.length }, (_, k) => selector.at(k)) : (selector.data as Value[]);
    return items.flatMap((item) => selectedNames(df, item));
  }
  if (selector instanceof JFunction && selector.name === '!') return fail('`!` selects rows (`df[!, :y]`), not columns');
  return fail(`${describe(selector as Value)} does not name columns of a data frame: use a Symbol (\`:y\`), a string, a vector of them or \`Not(:y)\``);
}

/** A new table of the named columns, each copied (`select`, `df[:, cols]`) or shared (`df[!, cols]`). */
export function withColumns(df: DataFrame, names: readonly string[], copy: boolean): DataFrame {
  return new DataFrame(new Map(names.map((name) => [name, copy ? columnOf(df, name).copy() : columnOf(df, name)])));
}
