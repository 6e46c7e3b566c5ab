import type { Expr, Ident, Stmt } from '../ast.js';
import type { Span } from '../../model/index.js';
import { expectStatementEnd } from './blocks.js';
import { callNamed, parseExpr } from './expressions.js';
import { columnReferences, failing, mapped, type Argument } from './frame-columns.js';
import { STATEMENTS, type Parser } from './state.js';
import { parseStatement } from './statements.js';

/** DataFramesMeta's blocks of statements, in which `:x = …` writes a column: `@eachrow` and `@astable`. */

/**
 * A `begin … end` block of statements in which `:x = …` writes the column x, as `@eachrow` and `@astable` read it;
 * `@newcol z::Vector{Float64}` lines name the columns `@eachrow` makes.
 */
function columnBlock(p: Parser): { block: Expr; made: Expr[] } {
  const begin = p.next();
  const body: Stmt[] = [];
  const made: Expr[] = [];
  p.with({ ...STATEMENTS, columnTargets: true }, () => {
    for (p.skipSeparators(); !p.atKeyword('end'); p.skipSeparators()) {
      if (p.peek().kind === 'eof') p.fail(begin, `missing \`end\` for the \`begin\` opened on line ${p.line(begin.from)}`);
      if (p.peek().kind === 'macro' && p.peek().text === 'newcol') {
        p.next();
        const column = parseExpr(p);
        made.push(asColumnName(column.kind === 'typeassert' ? column.expr : column));
      } else body.push(parseStatement(p));
      expectStatementEnd(p);
    }
    p.next();
  });
  const span = p.span(begin.from);
  return { block: { kind: 'blockvalue', block: { kind: 'block', scoped: false, bindings: [], body, span }, span }, made };
}

/** A column named bare, as DataFramesMeta before 0.10 named them (`y = …`, `@newcol y::Vector{Int}`), as its Symbol. */
export const asColumnName = (e: Expr): Expr => (e.kind === 'ident' ? { kind: 'symbol', name: e.name, span: e.span } : e);

/** `@eachrow`'s argument: its block of statements, or the table (an expression). */
export function parseRowBlock(p: Parser): Argument {
  if (!p.atKeyword('begin')) return { value: parseExpr(p), byRow: false };
  const { block, made } = columnBlock(p);
  return { value: block, byRow: false, made };
}

/** What `@astable`'s block compiles to at its end: the named tuple of the columns it made (`names` strings or Symbols). */
export const ASTABLE_ROW = '⟨astable row⟩';

/**
 * `@astable begin … end`: one transformation whose block makes a column of each `:x = …` (or `$name = …`, the column a
 * value names), as DataFramesMeta reads it (`AsTable` the target): within the block `:x` is then that value, other
 * Symbols the table's columns.
 */
export function asTable(p: Parser, byRow: boolean): Argument {
  const at = p.next();
  if (!p.atKeyword('begin')) p.fail(at, '`@astable` takes a `begin … end` block, as in `@astable begin :a = …; :b = … end`');
  const { block } = columnBlock(p);
  const statements = (block as { block: { body: Stmt[] } }).block.body;
  const targets = statements.flatMap((st) => (st.kind === 'assign' && ['symbol', 'interpolate'].includes((st.target as Expr).kind) ? [st.target as unknown as Expr] : []));
  const symbols = [...new Set(targets.flatMap((t) => (t.kind === 'symbol' ? [t.name] : [])))];
  const named: Expr[] = targets.filter((t) => t.kind === 'interpolate');
  const local = (key: string, span: Span): Ident => ({ kind: 'ident', name: `⟨astable ${key}⟩`, span });
  const body = mapped(statements, (n) => (n.kind === 'symbol' && symbols.includes(n.name) ? local(n.name, n.span) : named.includes(n) ? local(`$${named.indexOf(n)}`, n.span) : undefined));
  const span = p.span(at.from);
  // The names as strings: a Symbol here would read as the table's column.
  const names: Expr[] = [...symbols.map((name): Expr => ({ kind: 'string', value: name, span })), ...named.map((t) => (t as { expr: Expr }).expr)];
  const values: Expr[] = [...symbols.map((name) => local(name, span)), ...named.map((_, k) => local(`$${k}`, span))];
  const result: Expr = callNamed(ASTABLE_ROW, [{ kind: 'array', items: names, span }, { kind: 'array', items: values, span }], span);
  const value: Expr = { kind: 'blockvalue', block: { kind: 'block', scoped: false, bindings: [], body: [...body, { kind: 'expr', expr: result, span }], span }, span };
  return { target: { kind: 'interpolate', expr: { kind: 'ident', name: 'AsTable', span: at }, span: at }, value, byRow };
}

/**
 * `@eachrow df begin … end`: the block run for each row with `:x` the row's cell, which `:x = …` writes, on a copy of
 * the table (`@eachrow!` on the table itself); as DataFramesMeta expands it, a loop over the rows of the columns named.
 */
export function eachRow(table: Expr, rest: Argument[], span: Span, call: (args: Expr[]) => Expr): Expr {
  const [block] = rest;
  if (rest.length !== 1 || block!.value.kind !== 'blockvalue') return failing('`@eachrow` takes the table and a `begin … end` block, as in `@eachrow df begin :z = :x + 1 end`', span);
  const row: Ident = { kind: 'ident', name: '⟨row⟩', span };
  const rows: Ident = { kind: 'ident', name: '⟨rows⟩', span };
  const { sources, params, body } = columnReferences(block!.value, (param) => ({ kind: 'index', target: param, indices: [row], span: param.span }));
  const loop: Stmt = { kind: 'for', iterations: [{ target: row, iter: { kind: 'range', start: { kind: 'number', value: 1, isInteger: true, span }, stop: rows, span }, span }], body: (body as { block: { body: Stmt[] } }).block.body, span };
  const lambda: Expr = { kind: 'lambda', params: [rows, ...params], body: [loop], span };
  return call([table, sources, { kind: 'array', items: block!.made ?? [], span }, lambda]);
}
