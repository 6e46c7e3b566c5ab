import type * as A from '../ast.js';
import { DataFrame, JArray, type Value } from '../../model/index.js';
import type { TopLevelValue } from '../compile/script-data.js';
import { forEachChild } from '../compile/walk.js';
import { textIn } from './columns.js';


/** What to do with a text column used as numbers. */
const recode = (written: string, text: string): string => `code it as numbers (\`${written} .== ${JSON.stringify(text)}\`) or leave it out`;

/** The column `e` reads of a data frame by name (`df.name`, `df[!, :name]`, `df[:, "name"]`): the frame's name and the column's. */
function columnRead(e: A.Expr): { frame: string; column: string } | undefined {
  if (e.kind === 'field' && e.target.kind === 'ident') return { frame: e.target.name, column: e.name };
  if (e.kind !== 'index' || e.target.kind !== 'ident' || e.indices.length !== 2) return undefined;
  const named = e.indices[1]!;
  if (named.kind === 'symbol' || named.kind === 'string') return { frame: e.target.name, column: named.kind === 'symbol' ? named.name : named.value };
  return undefined;
}

/** The text columns of the script's data frames that `e` reads, as written, with a cell of each. */
function textColumnsRead(source: string, e: A.Expr, valueOf: (name: string) => Value | undefined): { written: string; column: string; text: string }[] {
  const out: { written: string; column: string; text: string }[] = [];
  const visit = (x: A.Expr): void => {
    const read = columnRead(x);
    const frame = read && valueOf(read.frame);
    const text = frame instanceof DataFrame ? textIn(frame.columns.get(read!.column)) : undefined;
    if (text !== undefined) out.push({ written: source.slice(x.span.from, x.span.to), column: read!.column, text });
    forEachChild(x, visit);
  };
  visit(e);
  return out;
}

/**
 * A top-level line that fails on a string (`mean(df.name)`: "element [1] is a string") says which column of the table
 * holds it, where the runtime knows only the element.
 */
export function namingTextColumns(source: string, evaluate: (e: A.Expr) => TopLevelValue, valueOf: (name: string) => Value | undefined): (e: A.Expr) => TopLevelValue {
  return (e) => {
    const result = evaluate(e);
    if (!('problem' in result) || !/\bstring\b/.test(result.problem)) return result;
    const [read] = textColumnsRead(source, e, valueOf);
    if (read === undefined) return result;
    return { problem: `${result.problem}: \`${read.written}\` is the table's column \`${read.column}\`, which holds text (${JSON.stringify(read.text)}); ${recode(read.written, read.text)}` };
  };
}

/** The column of one of the script's data frames holding these values (copied since), written as the script reads it. */
function columnHolding(v: JArray, frames: Iterable<[string, Value | undefined]>): string | undefined {
  for (const [frame, df] of frames) {
    if (!(df instanceof DataFrame)) continue;
    for (const [column, c] of df.columns) if (c.length === v.length && c.data.every((x, i) => x === v.data[i])) return `${frame}.${column}`;
  }
  return undefined;
}

/**
 * What the script's call of a model gives as text (`m(df.name)`), by argument and column: a model that reads it as numbers
 * fails on an element alone (`v[1]` is a string).
 */
export function textArguments(values: ReadonlyMap<string, Value>, frames: Iterable<[string, Value | undefined]>): string[] {
  const notes: string[] = [];
  for (const [name, v] of values) {
    const text = textIn(v);
    if (text === undefined) continue;
    const column = columnHolding(v as JArray, frames);
    const what = column === undefined ? 'a vector' : `the table's column \`${column}\``;
    notes.push(`this call gives \`${name}\` ${what}, which holds text (${JSON.stringify(text)}): a model that reads it as numbers fails; ${recode(column ?? name, text)}`);
  }
  return notes;
}
