import type { Call, Comprehension, Curly, Expr, Index, KeywordArg, MatrixLit, NamedTupleLit } from '../ast.js';
import { isKeyword, isOp, isPunct, type Token } from '../token.js';
import { parseStatementsValue } from './block-values.js';
import { parseExpr, parsePostfix } from './expressions.js';
import { parseIterations } from './iterations.js';
import { namedTupleOf, type TupleElement } from './named-tuple.js';
import { LOOSE, type Parser } from './state.js';
import { isAssignmentOp } from './statements.js';

/** An element that may be splatted: `xs...`. */
function parseItem(p: Parser): Expr {
  const from = p.peek().from;
  const e = parseExpr(p);
  if (!p.atOp('...')) return e;
  p.next();
  return { kind: 'splat', expr: e, span: p.span(from) };
}

/** `item` or `item = value`: which of the two a tuple's elements are decides whether it is a named tuple. */
function parseTupleElement(p: Parser): TupleElement {
  const from = p.peek().from;
  const item = parseItem(p);
  if (!p.atOp('=')) return { item, span: item.span };
  p.next();
  const value = parseExpr(p);
  return { item, value, span: p.span(from) };
}

/**
 * `(e)`, `()`, `(a,)`, `(a, b)`, a generator `(f(x) for x in v)`, a named tuple: `(; a, b)`, or, as
 * Julia lowers it, any tuple with a `name = value` element (`(a = 1,)`, `(a = 1, b)`); or statements as a
 * value: `(a = 1)`, `(a; b)`.
 */
export function parseParenthesised(p: Parser): Expr {
  const open = p.next();
  return p.inBrackets(open, () => {
    if (p.atPunct(')')) {
      p.next();
      return { kind: 'tuple', items: [], span: p.span(open.from) };
    }
    if (p.atPunct(';')) return parseNamedTupleAfterSemicolon(p, open);
    const start = p.mark();
    const first = parseTupleElement(p);
    if (!first.value && p.atKeyword('for')) {
      const generator = parseGeneratorRest(p, first.item, false);
      p.close('`)`');
      return generator;
    }
    if (!p.atPunct(',')) {
      // Julia reads `(a = 1)`, `(k += 1)` and `(a; b)` as statements whose value is the last one's (`~` is refused there).
      if (first.value || p.atPunct(';') || isAssignmentOp(p.peek()) || p.atOp('~')) {
        p.rewind(start);
        return parseStatementsValue(p, open);
      }
      p.close('`,` or `)`');
      return first.item;
    }
    const elements = [first];
    while (p.atPunct(',')) {
      p.next();
      if (p.atPunct(')')) break;
      elements.push(parseTupleElement(p));
    }
    p.close('`,` or `)`');
    const span = p.span(open.from);
    return elements.some((e) => e.value) ? namedTupleOf(p, elements, span) : { kind: 'tuple', items: elements.map((e) => e.item), span };
  });
}

/** `(; a, b = 1, x.c)` from the `;`. */
function parseNamedTupleAfterSemicolon(p: Parser, open: Token): NamedTupleLit {
  p.next();
  const elements: TupleElement[] = [];
  while (!p.atPunct(')')) {
    elements.push(parseTupleElement(p));
    if (!p.atPunct(',')) break;
    p.next();
  }
  p.close('`,` or `)`');
  return namedTupleOf(p, elements, p.span(open.from));
}

/** The rest of `[f(i) for i in 1:n if c]` or of a generator argument, from `for`. */
function parseGeneratorRest(p: Parser, body: Expr, collect: boolean): Comprehension {
  return p.with(LOOSE, () => {
    p.next();
    const iterations = parseIterations(p);
    let filter: Expr | undefined;
    if (p.atKeyword('if')) {
      p.next();
      filter = parseExpr(p);
    }
    if (p.atKeyword('for')) p.fail(p.peek(), 'nested `for` clauses in a comprehension are not supported: write `for i in a, j in b`');
    const span = p.span(body.span.from);
    return filter ? { kind: 'comprehension', body, iterations, filter, collect, span } : { kind: 'comprehension', body, iterations, collect, span };
  });
}

/** Inside an array literal's brackets a space separates elements and a line break rows. */
const ARRAY_LITERAL = { ignoreNewlines: false, spaceSensitive: true, ternaryThen: false };

/**
 * `[]`, `[a, b]`, `[a b; c d]`, `[a; b]`, `[f(i) for i in v]`. As in Julia, a space separates the
 * elements of a row and a line break or `;` separates rows, unless commas separate the elements.
 */
export function parseArrayLiteral(p: Parser): Expr {
  const open = p.next();
  return p.inBrackets(open, () => {
    p.skipNewlines();
    if (p.atPunct(']')) {
      p.next();
      return { kind: 'array', items: [], span: p.span(open.from) };
    }
    const first = parseItem(p);
    if (p.with({ ignoreNewlines: true }, () => p.atKeyword('for'))) {
      const comprehension = parseGeneratorRest(p, first, true);
      p.with(LOOSE, () => p.close('`]`'));
      return { ...comprehension, span: p.span(open.from) };
    }
    return parseElements(p, open, first);
  }, ARRAY_LITERAL);
}

function parseElements(p: Parser, open: Token, first: Expr): Expr {
  const rows: Expr[][] = [[first]];
  let row = rows[0] as Expr[];
  let commas = false;
  // `[r;]` concatenates (`[1:3;]` is `[1, 2, 3]`), unlike `[r]`.
  let semicolon = false;
  for (;;) {
    const t = p.peek();
    if (isPunct(t, ']')) break;
    if (t.kind === 'eof' || (t.kind === 'keyword' && !isKeyword(t, 'true', 'false') && !(p.ctx.inIndex && isKeyword(t, 'end')))) p.close('`]`');
    if (isPunct(t, ',')) {
      if (!commas && (rows.length > 1 || row.length > 1)) p.fail(t, 'an array literal separates its elements either with commas or with spaces and `;`, not both');
      commas = true;
      p.next();
      p.skipNewlines();
      if (p.atPunct(']')) break;
      row.push(parseItem(p));
    } else if (t.kind === 'newline' || isPunct(t, ';')) {
      if (commas && t.kind === 'newline') {
        p.skipNewlines();
        continue;
      }
      if (commas) p.fail(t, 'an array literal separates its elements either with commas or with spaces and `;`, not both');
      semicolon ||= isPunct(t, ';');
      p.skipSeparators();
      if (p.atPunct(']')) break;
      row = [parseItem(p)];
      rows.push(row);
    } else if (commas) {
      p.close('`,` or `]`');
    } else {
      row.push(parseItem(p));
    }
  }
  p.next();
  const span = p.span(open.from);
  return rows.length === 1 && (commas || (row.length === 1 && !semicolon)) ? { kind: 'array', items: row, span } : { kind: 'matrix', rows, span };
}

/** After `f(` or `f.(`: positional arguments, then keywords after `;` or as `k = v` among them. */
export function parseCallRest(p: Parser, callee: Expr, open: Token, from: number, broadcast: boolean): Call {
  return p.inBrackets(open, () => {
    const args: Expr[] = [];
    const kwargs: KeywordArg[] = [];
    const kwsplats: { expr: Expr; after: number }[] = [];
    let keywordsOnly = false;
    while (!p.atPunct(')')) {
      if (p.atPunct(';') && !keywordsOnly) {
        p.next();
        keywordsOnly = true;
        continue;
      }
      const item = keywordsOnly && !(p.peek().kind === 'ident' && !isOp(p.peek(1), '...')) ? parseItem(p) : undefined;
      if (item?.kind === 'splat') kwsplats.push({ expr: item.expr, after: kwargs.length });
      else if (item !== undefined) p.fail(item.span, 'a keyword argument after `;` is `name = value`, `name`, or `collection...`');
      else if (keywordsOnly || (p.peek().kind === 'ident' && isOp(p.peek(1), '='))) {
        const kw = parseKeywordArg(p);
        // Julia refuses the call at parse ("keyword argument a repeated"): running it would take one of the two values.
        if (kwargs.some((k) => k.name === kw.name)) p.error(kw.span, `the keyword argument \`${kw.name}\` is given twice: give it once`);
        else kwargs.push(kw);
      }
      else args.push(parseArgument(p));
      if (p.atPunct(',')) p.next();
      else if (!p.atPunct(';') || keywordsOnly) break;
    }
    p.close('`,` or `)`');
    return { kind: 'call', callee, args, kwargs, ...(kwsplats.length > 0 ? { kwsplats } : {}), broadcast, span: p.span(from) };
  });
}

/** A positional argument, possibly a bare generator: `sum(x^2 for x in v)`. */
function parseArgument(p: Parser): Expr {
  const item = parseItem(p);
  return p.atKeyword('for') ? parseGeneratorRest(p, item, false) : item;
}

/** `k = v`, or after `;` a bare `k`, which Julia reads as `k = k`. */
function parseKeywordArg(p: Parser): KeywordArg {
  const name = p.peek();
  if (name.kind !== 'ident') p.unexpected('a keyword argument');
  p.next();
  if (!p.atOp('=')) return { name: name.text, value: { kind: 'ident', name: name.text, span: p.span(name.from) }, span: p.span(name.from) };
  p.next();
  const value = parseExpr(p);
  return { name: name.text, value, span: p.span(name.from) };
}

/**
 * After `x[`: indices, where `end` is the last index and a bare `:` a whole dimension. A first element followed
 * by neither `,` nor `]` (`Float64[1 2; 3 4]`, `Int[1 2 3]`, `T[a; b]`) makes Julia's typed concatenation
 * instead, read again as an array literal's rows.
 */
export function parseIndexRest(p: Parser, target: Expr, open: Token, from: number): Index | MatrixLit {
  const start = p.mark();
  const index = p.inBrackets(open, (): Index | undefined => {
    const indices: Expr[] = [];
    while (!p.atPunct(']')) {
      const item = parseItem(p);
      // `Float64[f(x) for x in xs]`: a typed comprehension, whose element type the compiler applies.
      indices.push(indices.length === 0 && p.atKeyword('for') ? parseGeneratorRest(p, item, true) : item);
      if (indices.length === 1 && !p.atPunct(',') && !p.atPunct(']')) return undefined;
      if (!p.atPunct(',')) break;
      p.next();
    }
    p.close('`,` or `]`');
    return { kind: 'index', target, indices, span: p.span(from) };
    // As in Julia, a space separates elements here too (`Float64[1 -2]`, `T[[1, 2] [3, 4]]`); line breaks are whitespace.
  }, { ...LOOSE, spaceSensitive: true, inIndex: true });
  if (index) return index;
  p.rewind(start);
  const literal = p.inBrackets(open, () => {
    p.skipNewlines();
    return parseElements(p, open, parseItem(p));
  }, ARRAY_LITERAL);
  if (literal.kind === 'matrix') return { ...literal, elementType: target, span: p.span(from) };
  return { kind: 'index', target, indices: literal.kind === 'array' ? literal.items : [literal], span: p.span(from) };
}

/** After `Vector{`: type parameters, including `<:Real`. */
export function parseCurlyRest(p: Parser, target: Expr, open: Token, from: number): Curly {
  return p.inBrackets(open, () => {
    const params: Expr[] = [];
    while (!p.atPunct('}')) {
      const t = p.peek();
      if (isOp(t, '<:')) {
        p.next();
        params.push({ kind: 'unary', op: '<:', operand: parsePostfix(p), dotted: false, span: p.span(t.from) });
      } else {
        params.push(parseExpr(p));
      }
      if (!p.atPunct(',')) break;
      p.next();
    }
    p.close('`,` or `}`');
    return { kind: 'curly', target, params, span: p.span(from) };
  });
}
