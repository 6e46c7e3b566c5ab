import type { Call, Expr, Ident, KeywordArg } from '../ast.js';
import type { Span } from '../../model/index.js';
import { isKeyword, isOp, isPunct, type Token } from '../token.js';
import { endsStatement } from './blocks.js';
import { callNamed, parseExpr } from './expressions.js';
import { asColumnName, asTable, eachRow, parseRowBlock } from './frame-blocks.js';
import { columnReferences, failing, mapped, namedColumn, type Argument } from './frame-columns.js';
import { ParseAbort, STATEMENTS, type Parser } from './state.js';
import { openerAt } from './structure.js';

/** What DataFramesMeta's `@orderby` and `@with` are compiled to (core/lang/dataframes/meta.ts): no identifier of the file can spell them. */
export const ORDERBY = '⟨orderby⟩';
export const WITH = '⟨with⟩';
export const DISTINCT = '⟨distinct⟩';
/** Ends in `!`, as a call that changes its arguments does: a top-level line of one alone then runs. */
export const DISTINCT_IN_PLACE = '⟨distinct⟩!';
export const EACHROW = '⟨eachrow⟩';
export const EACHROW_IN_PLACE = '⟨eachrow⟩!';

/**
 * DataFramesMeta's verbs, each the DataFrames function it stands for: `:x` inside one is the column `x`, so
 * `@transform(df, :z = :x .+ :y)` is `transform(df, [:x, :y] => ((x, y) -> x .+ y) => :z)`, as the package expands it.
 * The `r` verbs work row by row (`ByRow`); `@subset` drops the rows where a condition is `missing`, as the package's does.
 */
const VERBS: Record<string, { call: string; byRow?: true; selects?: true }> = {
  transform: { call: 'transform', selects: true },
  'transform!': { call: 'transform!', selects: true },
  rtransform: { call: 'transform', byRow: true, selects: true },
  'rtransform!': { call: 'transform!', byRow: true, selects: true },
  select: { call: 'select', selects: true },
  'select!': { call: 'select!', selects: true },
  rselect: { call: 'select', byRow: true, selects: true },
  'rselect!': { call: 'select!', byRow: true, selects: true },
  subset: { call: 'subset' },
  'subset!': { call: 'subset!' },
  rsubset: { call: 'subset', byRow: true },
  'rsubset!': { call: 'subset!', byRow: true },
  // DataFramesMeta's name for `@subset` before 0.10, in older scripts.
  where: { call: 'subset' },
  distinct: { call: DISTINCT, selects: true },
  rdistinct: { call: DISTINCT, byRow: true, selects: true },
  'distinct!': { call: DISTINCT_IN_PLACE, selects: true },
  'rdistinct!': { call: DISTINCT_IN_PLACE, byRow: true, selects: true },
  orderby: { call: ORDERBY },
  rorderby: { call: ORDERBY, byRow: true },
  combine: { call: 'combine' },
  by: { call: 'combine' },
  with: { call: WITH },
  rename: { call: 'rename' },
  'rename!': { call: 'rename!' },
  groupby: { call: 'groupby' },
  eachrow: { call: EACHROW },
  'eachrow!': { call: EACHROW_IN_PLACE },
};

/** DataFramesMeta's and Chain.jl's macros Tilde does not read, with what to write instead. */
const REFUSED: Record<string, string> = {
};

/** Whether `t` starts one of DataFramesMeta's or Chain.jl's macros, which the parser reads as the calls they stand for. */
export function isFrameMacro(t: Token): boolean {
  return t.kind === 'macro' && (t.text === 'chain' || Object.hasOwn(VERBS, t.text) || Object.hasOwn(REFUSED, t.text));
}

/** How a verb's arguments are read: `@eachrow`'s block is statements that write cells, the others' lines are arguments. */
const readerOf = (verb: string): ((p: Parser, byRow: boolean) => Argument) => (verb === 'eachrow' || verb === 'eachrow!' ? parseRowBlock : parseArgument);

const flattens = (verb: string): boolean => verb !== 'with' && verb !== 'eachrow' && verb !== 'eachrow!';

/** `@transform(df, …)`, `@chain df begin … end`: the call it stands for. */
export function parseFrameMacro(p: Parser): Expr {
  const start = p.mark();
  const t = p.next();
  if (Object.hasOwn(REFUSED, t.text)) {
    skipArguments(p);
    return failing(REFUSED[t.text]!, p.span(t.from), t);
  }
  try {
    if (t.text === 'chain') return chained(p, t, macroArguments(p, parseStep).items);
    return expanded(p, t, macroArguments(p, readerOf(t.text), flattens(t.text)));
  } catch (e) {
    if (!(e instanceof ParseAbort)) throw e;
    // The macro's blocks are skipped whole, so that their `end`s close nothing else; what was said stays. A bracket
    // never closed would skip the rest of the file: the parse resumes where it failed instead.
    const failed = p.mark();
    const said = p.diagnostics.slice(start.reported);
    p.rewind(start);
    p.diagnostics.push(...said);
    p.next();
    skipArguments(p);
    if (p.peek().kind === 'eof') p.rewind(failed);
    throw e;
  }
}

/** A macro's arguments skipped, brackets and blocks whole. */
function skipArguments(p: Parser): void {
  const inParens = isPunct(p.peek(), '(') && !p.peek().spaceBefore;
  p.with(STATEMENTS, () => {
    let depth = 0;
    for (let u = p.peek(), skipped = false; u.kind !== 'eof'; u = p.peek(), skipped = true) {
      if (depth === 0 && (inParens ? skipped : endsStatement(u) || isPunct(u, ')') || isPunct(u, ','))) return;
      if (isKeyword(u, 'end') || isPunct(u, ')') || isPunct(u, ']') || isPunct(u, '}')) depth--;
      else if (openerAt(p.tokens, p.pos) || isPunct(u, '(') || isPunct(u, '[') || isPunct(u, '{')) depth++;
      p.next();
    }
  });
}

/**
 * The macro's arguments as written: `@m(a, b)`, or `@m a b` up to the end of the line; a `begin … end` block gives
 * each of its lines as one argument (Chain.jl flattens blocks so, and DataFramesMeta's verbs read them so). Those
 * after a `;` (`@combine(gd, :s = sum(:y); keepkeys = true)`) are keyword arguments, from `positional` on.
 */
function macroArguments<T>(p: Parser, read: (p: Parser, byRow: boolean) => T, flatten = true): { items: T[]; positional: number } {
  const items: T[] = [];
  let positional: number | undefined;
  const one = (): void => {
    // `@byrow` before a block makes each of its lines row-wise.
    const byRow = p.peek().kind === 'macro' && p.peek().text === 'byrow' && isKeyword(p.peek(1), 'begin');
    if (byRow) p.next();
    if (!flatten || !p.atKeyword('begin')) items.push(read(p, false));
    else p.with(STATEMENTS, () => blockLines(p, (q) => read(q, byRow), items));
  };
  const t = p.peek();
  if (isPunct(t, '(') && !t.spaceBefore) {
    p.next();
    p.inBrackets(t, () => {
      while (!p.atPunct(')')) {
        one();
        if (p.atPunct(';') && positional === undefined) positional = items.length;
        else if (!p.atPunct(',')) break;
        p.next();
      }
      p.close('`,` or `)`');
    });
    return { items, positional: positional ?? items.length };
  }
  // A space separates arguments, and a spaced `:` starts a Symbol (`@select :a :b`), as in Julia's macro calls.
  p.with({ spaceSensitive: true, ternaryThen: true, ignoreNewlines: false }, () => {
    while (!endsStatement(p.peek()) && !p.atPunct(')') && !p.atPunct(',')) one();
  });
  return { items, positional: items.length };
}

function blockLines<T>(p: Parser, read: (p: Parser) => T, into: T[]): void {
  const begin = p.next();
  for (p.skipSeparators(); !p.atKeyword('end'); p.skipSeparators()) {
    if (p.peek().kind === 'eof') p.fail(begin, `missing \`end\` for the \`begin\` opened on line ${p.line(begin.from)}`);
    into.push(read(p));
  }
  p.next();
}

function parseArgument(p: Parser, inRowBlock: boolean): Argument {
  // The flags `@byrow` and `@passmissing`, in either order.
  let byRow = inRowBlock;
  let passMissing = false;
  for (let t = p.peek(); t.kind === 'macro' && (t.text === 'byrow' || t.text === 'passmissing'); t = p.peek()) {
    p.next();
    if (t.text === 'byrow') byRow = true;
    else passMissing = true;
  }
  if (p.peek().kind === 'macro' && p.peek().text === 'astable') return asTable(p, byRow);
  const keyword = p.peek().kind === 'macro' && p.peek().text === 'kwarg';
  if (keyword) {
    p.next();
    const name = parseExpr(p);
    if (!p.atOp('=')) return { value: name, byRow, keyword };
    p.next();
    return { target: asColumnName(name), value: parseExpr(p), byRow, keyword };
  }
  const first = parseExpr(p);
  if (!p.atOp('=')) return { value: first, byRow, passMissing };
  p.next();
  // DataFramesMeta before 0.10 named the new column bare (`@transform(df, y = 10 .* :x)`).
  const target: Expr = first.kind === 'ident' ? { kind: 'symbol', name: first.name, span: first.span } : first;
  return { target, value: parseExpr(p), byRow, passMissing };
}

/** A line of a `@chain`: a verb (the value so far goes first), or an expression that takes it as `_` or as its first argument. */
type Step = { verb: Token; args: { items: Argument[]; positional: number }; span: Span } | { expr: Expr } | { aside: true };

function parseStep(p: Parser): Step {
  const t = p.peek();
  if (t.kind === 'macro' && t.text === 'aside') return aside(p);
  if (!isFrameMacro(t) || t.text === 'chain' || Object.hasOwn(REFUSED, t.text)) return { expr: parseExpr(p) };
  p.next();
  return { verb: t, args: macroArguments(p, readerOf(t.text), flattens(t.text)), span: p.span(t.from) };
}

/**
 * Chain.jl's `@aside` runs a line for its side effect (printing, plotting), which Tilde does not show, and passes the
 * value on: it is skipped. One that names a value for later steps (`@aside m = mean(_.y)`) is refused with what to write.
 */
function aside(p: Parser): Step {
  const t = p.next();
  const from = p.pos;
  // Skipped unread, as a line that never runs: it may use macros Tilde does not read (`@aside @show nrow(_)`).
  skipArguments(p);
  let depth = 0;
  const assigns = p.tokens.slice(from, p.pos).some((u) => {
    if (isPunct(u, '(') || isPunct(u, '[') || isPunct(u, '{')) depth++;
    else if (isPunct(u, ')') || isPunct(u, ']') || isPunct(u, '}')) depth--;
    return depth === 0 && isOp(u, '=');
  });
  if (!assigns) return { aside: true };
  return { expr: failing('`@aside m = …` names a value for the steps after it, which Tilde does not read: compute it before the `@chain` (`m = mean(df.y)`)', p.span(t.from)) };
}

/** Chain.jl's rules: each step takes the value so far where it writes `_`, else as its first argument (`f` alone is `f(value)`). */
function chained(p: Parser, at: Token, steps: Step[]): Expr {
  const [first, ...rest] = steps.filter((s) => !('aside' in s)) as Exclude<Step, { aside: true }>[];
  if (first === undefined) return failing('`@chain` takes a value and the steps to pass it through, as in `@chain df begin … end`', p.span(at.from));
  let value = 'expr' in first ? first.expr : expanded(p, first.verb, first.args, first.span);
  for (const step of rest) {
    const previous = value;
    const underscore = (e: Expr): Expr => mapped(e, (n) => (n.kind === 'ident' && n.name === '_' ? previous : undefined));
    if (!('expr' in step)) {
      const { items, positional } = step.args;
      // `@transform(_, :z = …)` writes where the value goes, as any step may.
      value = items.some((a) => mentionsUnderscore(a.value))
        ? expanded(p, step.verb, { items: items.map((a) => ({ ...a, value: underscore(a.value) })), positional }, step.span)
        : expanded(p, step.verb, { items: [{ value, byRow: false }, ...items], positional: positional + 1 }, step.span);
      continue;
    }
    const e = step.expr;
    if (mentionsUnderscore(e)) value = underscore(e);
    else if (e.kind === 'ident' || e.kind === 'field') value = callNamedExpr(e, [value], e.span);
    else if (e.kind === 'call') value = { ...e, args: [value, ...e.args] };
    else value = failing('a `@chain` step is a function (`dropmissing`), a call that takes the value first (`groupby(:g)`) or an expression with `_` where it goes', e.span);
  }
  return value;
}

function callNamedExpr(callee: Expr, args: Expr[], span: Span): Call {
  return { kind: 'call', callee, args, kwargs: [], broadcast: false, span };
}

function mentionsUnderscore(e: Expr): boolean {
  let found = false;
  mapped(e, (n) => {
    found ||= n.kind === 'ident' && n.name === '_';
    return undefined;
  });
  return found;
}

/**
 * A column expression as the function DataFrames applies: `:x .+ :y` is `[:x, :y] => (x, y) -> x .+ y`, each
 * column once; `$col` and `$"name"` are the column a value names; `^(:a)` the Symbol itself.
 */
function columnFunction(value: Expr, byRow: boolean, span: Span, passMissing = false): { sources: Expr; f: Expr } {
  const { sources, params, body } = columnReferences(value, (param) => param, span);
  const written: Expr = { kind: 'lambda', params, body, span: value.span };
  const lambda = passMissing ? callNamed('passmissing', [written], value.span) : written;
  return { sources, f: byRow ? callNamed('ByRow', [lambda], value.span) : lambda };
}

/** DataFrames' column selectors, which `@select(df, Not(:a))` passes on as they are. */
const isSelector = (e: Expr): boolean => e.kind === 'call' && e.callee.kind === 'ident' && ['Not', 'Between', 'Cols', 'All'].includes(e.callee.name);

/** One argument of a verb as DataFrames takes it: a column kept (`:a`, `$(Not(:b))`), or `sources => f => :target`. */
function specOf(arg: Argument, byRow: boolean, selects: boolean): Expr {
  const { target, value } = arg;
  if (target === undefined && value.kind === 'interpolate') return value.expr;
  if (target === undefined && selects && (value.kind === 'symbol' || isSelector(value))) return value;
  const span = target === undefined ? value.span : { from: target.span.from, to: value.span.to };
  const { sources, f } = columnFunction(value, byRow || arg.byRow, span, arg.passMissing);
  const name = target === undefined ? undefined : (namedColumn(target) ?? target);
  return callNamed('Pair', [sources, name === undefined ? f : callNamed('Pair', [f, name], span)], span);
}

/** Keyword arguments of the verbs Tilde follows: `skipmissing` of `@subset`, and those that change nothing here (the columns are copies). */
const READ_KEYWORDS: ReadonlySet<string> = new Set(['skipmissing', 'copycols', 'view', 'threads']);

/** `@verb(df, args…)` as the DataFrames call it stands for. */
function expanded(p: Parser, t: Token, written: { items: Argument[]; positional: number }, span = p.span(t.from)): Expr {
  const verb = VERBS[t.text]!;
  // Keywords follow a `;`, or stand on a block's `@kwarg` lines.
  const [table, ...rest] = written.items.slice(0, written.positional).filter((a) => !a.keyword);
  const keywords = [...written.items.slice(0, written.positional).filter((a) => a.keyword), ...written.items.slice(written.positional)];
  const badKeyword = keywords.find((k) => k.target?.kind !== 'symbol');
  if (badKeyword) return failing(`\`@${t.text}\`'s keyword arguments are written \`name = value\``, span, badKeyword.value.span);
  const unread = keywords.find((k) => !READ_KEYWORDS.has((k.target as { name: string }).name));
  if (unread) return failing(`\`@${t.text}\`'s keyword \`${(unread.target as { name: string }).name}\` is not read here (only ${[...READ_KEYWORDS].map((k) => `\`${k}\``).join(', ')} are): leave it out, or shape the table with DataFrames' functions`, span, unread.target!.span);
  const given: KeywordArg[] = keywords.map((k) => ({ name: (k.target as { name: string }).name, value: k.value, span: k.value.span }));
  if (table === undefined || table.target !== undefined) return failing(`\`@${t.text}\` takes the table first, as in \`@${t.text}(df, …)\``, span, t);
  const callee: Ident = { kind: 'ident', name: verb.call, span: { from: t.from, to: t.to } };
  const call = (args: Expr[], kwargs: KeywordArg[] = []): Expr => ({ kind: 'call', callee, args, kwargs: [...kwargs.filter((k) => !given.some((g) => g.name === k.name)), ...given], broadcast: false, span });
  if (t.text === 'eachrow' || t.text === 'eachrow!') return eachRow(table.value, rest, span, call);
  if (t.text === 'with') {
    if (rest.length !== 1 || rest[0]!.target !== undefined) return failing('`@with` takes the table and one expression, as in `@with(df, :x .+ :y)`', span, t);
    const { sources, f } = columnFunction(rest[0]!.value, false, span);
    return call([table.value, sources, f]);
  }
  if (verb.call === 'rename' || verb.call === 'rename!') {
    const unnamed = rest.find((a) => a.target === undefined);
    if (unnamed) return failing(`\`@${t.text}\` takes \`:new = :old\``, span, unnamed.value.span);
    return call([table.value, ...rest.map((a) => callNamed('Pair', [namedColumn(a.value) ?? a.value, namedColumn(a.target!) ?? a.target!], span))]);
  }
  // `@groupby(df, :a, :b)`: the columns as they are, as DataFrames' `groupby(df, [:a, :b])` takes them.
  if (t.text === 'groupby') return call([table.value, { kind: 'array', items: rest.map((a) => namedColumn(a.value) ?? a.value), span }]);
  let frame = table.value;
  let specs = rest;
  if (t.text === 'by') {
    const [keys, ...more] = rest;
    if (keys === undefined || keys.target !== undefined) return failing('`@by` takes the table, the columns to group by, then what to compute, as in `@by(df, :g, :m = mean(:y))`', span, t);
    frame = callNamed('groupby', [frame, keys.value], span);
    specs = more;
  }
  const conditions = verb.call === 'subset' || verb.call === 'subset!';
  const wrong = conditions ? specs.find((a) => a.target !== undefined) : undefined;
  if (wrong) return failing(`\`@${t.text}\` takes conditions (\`:age .>= 18\`), not assignments`, span, wrong.target!.span);
  const kwargs: KeywordArg[] = conditions ? [{ name: 'skipmissing', value: { kind: 'bool', value: true, span }, span }] : [];
  return call([frame, ...specs.map((a) => specOf(a, verb.byRow === true, verb.selects === true))], kwargs);
}
