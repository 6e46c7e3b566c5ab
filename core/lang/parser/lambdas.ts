import type { Call, Expr, Ident, Lambda, Stmt, Tuple } from '../ast.js';
import { parseEndBlock, endsStatement } from './blocks.js';
import { parseParenthesised } from './brackets.js';
import { parseBegin } from './compound.js';
import { parseExpr } from './expressions.js';
import { STATEMENTS, type Parser } from './state.js';

/**
 * Anonymous functions with statements for a body, which Julia writes three ways: `x -> begin … end`,
 * `function (x) … end`, and the `do` block, the function a call takes as its first argument:
 * `map(xs) do x … end` is `map(x -> …, xs)`. Their bodies are statements on their own lines, even
 * inside the brackets of a call.
 */

/**
 * `x`, `()`, `(a, b)`, `(x::Real)`: what may stand before `->` or after `function`; `((k, v),)` is one argument,
 * destructured, as `filter(((k, v),) -> v > 1, d)` takes a Dict's pairs.
 */
export function lambdaParams(p: Parser, head: Expr): (Ident | Tuple)[] {
  const param = (e: Expr): Ident | Tuple => {
    if (e.kind === 'ident') return e;
    if (e.kind === 'typeassert' && e.expr.kind === 'ident') return e.expr;
    if (e.kind === 'tuple' && e.items.length > 0) return { ...e, items: e.items.map(param) };
    return p.fail(e.span, 'the parameters of an anonymous function must be names or tuples of names, as in `x -> …`, `(a, b) -> …` or `((k, v),) -> …`');
  };
  return head.kind === 'tuple' ? head.items.map(param) : [param(head)];
}

/** The statements of `x -> begin … end`, from `begin`. */
export function parseBeginBody(p: Parser): Stmt[] {
  return p.with(STATEMENTS, () => parseBegin(p)).body;
}

/** `function (x) … end` or `function () … end`, from `function`. */
export function parseAnonymousFunction(p: Parser): Lambda {
  const keyword = p.next();
  const params = p.attempt(() => lambdaParams(p, parseParenthesised(p))) ?? [];
  const body = p.with(STATEMENTS, () => parseEndBlock(p, { token: keyword, what: 'the anonymous `function`' }));
  return { kind: 'lambda', params, body, span: p.span(keyword.from) };
}

/** `call do x … end`, from `do`: the call with the block as its first argument, as Julia lowers it. */
export function parseDoBlock(p: Parser, call: Call): Call {
  const keyword = p.next();
  return p.with(STATEMENTS, () => {
    // A broken parameter list is reported and skipped; the body is still read, so that its `end` closes the block.
    const params = p.attempt(() => parseDoParams(p)) ?? [];
    const body = parseEndBlock(p, { token: keyword, what: 'the `do` block' });
    const block: Lambda = { kind: 'lambda', params, body, span: p.span(keyword.from) };
    return { ...call, args: [block, ...call.args], span: p.span(call.span.from) };
  });
}

/** `do`, `do x`, `do x, y`, `do (i, x)` (one argument, destructured), up to the end of the line. */
function parseDoParams(p: Parser): (Ident | Tuple)[] {
  const params: (Ident | Tuple)[] = [];
  if (endsStatement(p.peek())) return params;
  for (;;) {
    params.push(doParam(p, parseExpr(p)));
    if (!p.atPunct(',')) return params;
    p.next();
  }
}

function doParam(p: Parser, e: Expr): Ident | Tuple {
  if (e.kind === 'ident') return e;
  if (e.kind === 'typeassert') return doParam(p, e.expr);
  if (e.kind === 'tuple' && e.items.length > 0) return { ...e, items: e.items.map((item) => doParam(p, item)) };
  return p.fail(e.span, 'the parameters of a `do` block must be names or tuples of names, as in `do x` or `do (i, x)`');
}
