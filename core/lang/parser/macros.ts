import type { Expr } from '../ast.js';
import { isPunct, type Token } from '../token.js';
import { parseExpr } from './expressions.js';
import { parseParenthesised } from './brackets.js';
import type { Parser } from './state.js';

/** Tutorials write `Turing.@addlogprob!` as often as `@addlogprob!`. */
const QUALIFIERS: ReadonlySet<string> = new Set(['Turing', 'DynamicPPL']);

/** The macro that starts here, `@name` or `Turing.@name`, with how many tokens it spans. */
export function peekMacro(p: Parser): { token: Token; length: number } | undefined {
  const t = p.peek();
  if (t.kind === 'macro') return { token: t, length: 1 };
  const dot = p.peek(1);
  const macro = p.peek(2);
  if (t.kind === 'ident' && QUALIFIERS.has(t.text) && isPunct(dot, '.') && !dot.spaceBefore && macro.kind === 'macro' && !macro.spaceBefore) {
    return { token: macro, length: 3 };
  }
  return undefined;
}

export function takeMacro(p: Parser, macro: { length: number }): void {
  for (let i = 0; i < macro.length; i++) p.next();
}

/** `@m expr` or `@m(expr)`: the parenthesised form ends at its `)`. */
export function parseMacroArgument(p: Parser): Expr {
  const t = p.peek();
  return isPunct(t, '(') && !t.spaceBefore ? parseParenthesised(p) : parseExpr(p);
}
