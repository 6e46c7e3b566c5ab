import type { Expr, Iteration, Pattern } from '../ast.js';
import { isOp, isPunct } from '../token.js';
import { parseParenthesised } from './brackets.js';
import { parseExpr } from './expressions.js';
import { isPropertyPattern } from './named-tuple.js';
import type { Parser } from './state.js';

/** `i in 1:n, j = 1:m, (k, x) ∈ enumerate(v)`, shared by `for` loops and comprehensions. */
export function parseIterations(p: Parser): Iteration[] {
  const iterations = [parseIteration(p)];
  while (p.atPunct(',')) {
    p.next();
    p.skipNewlines();
    iterations.push(parseIteration(p));
  }
  return iterations;
}

function parseIteration(p: Parser): Iteration {
  const from = p.peek().from;
  const target = parseLoopVariable(p);
  const t = p.peek();
  if (!(isOp(t, 'in') || isOp(t, '=') || isOp(t, '∈'))) p.unexpected('`in`, `=` or `∈` after the loop variable');
  p.next();
  p.skipNewlines();
  const iter = parseExpr(p);
  return { target, iter, span: p.span(from) };
}

function parseLoopVariable(p: Parser): Pattern {
  const t = p.peek();
  if (t.kind === 'ident') {
    p.next();
    return { kind: 'ident', name: t.text, span: { from: t.from, to: t.to } };
  }
  if (!isPunct(t, '(')) p.unexpected('a loop variable');
  const target = parseParenthesised(p);
  if (!isNames(target)) p.fail(target.span, 'a loop variable must be a name or a tuple of names');
  return target;
}

function isNames(e: Expr): e is Pattern {
  return e.kind === 'ident' || (e.kind === 'tuple' && e.items.length > 0 && e.items.every(isNames)) || (e.kind === 'namedtuple' && isPropertyPattern(e));
}
