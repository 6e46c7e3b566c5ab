import type { Expr } from '../ast.js';
import { lex } from '../lexer.js';
import { scanString, type StringPart } from '../literals.js';
import type { Token } from '../token.js';
import { parseExpr } from './expressions.js';
import { LOOSE, Parser } from './state.js';

/**
 * A string literal; with `$name` or `$(expr)` in it, Julia's interpolation: the literal text and the
 * expressions, each parsed from its place in the source so that errors in it point there.
 */
export function parseString(p: Parser, t: Token): Expr {
  const span = { from: t.from, to: t.to };
  const parts = scanString(p.source, t.from).parts;
  if (parts === undefined) return { kind: 'string', value: t.text, span };
  return { kind: 'interpolated', parts: parts.map((part) => (typeof part === 'string' ? { kind: 'string', value: part, span } : interpolated(p, part))), span };
}

function interpolated(p: Parser, part: Exclude<StringPart, string>): Expr {
  const { tokens, diagnostics } = lex(p.source, part.from, part.to);
  p.diagnostics.push(...diagnostics);
  const inner = new Parser(p.source, tokens, p.diagnostics, false);
  return inner.with(LOOSE, () => {
    if (inner.peek().kind === 'eof') inner.fail({ from: part.from - 2, to: part.to + 1 }, '`$()` in a string interpolates nothing: write an expression inside, or `\\$` for a dollar sign');
    const e = parseExpr(inner);
    if (inner.peek().kind !== 'eof') inner.unexpected('the end of the interpolated expression');
    return e;
  });
}
