import { isKeyword, type Token } from '../token.js';

/**
 * The block structure of a token list, read without parsing: which tokens open a block that an
 * `end` closes. Used to skip whole constructs Tilde rejects (`struct … end`) and to tell whether
 * the file lacks an `end` at all. `for`/`if`/`end` inside brackets belong to comprehensions and
 * indexing, not to blocks.
 */
const OPENERS: ReadonlySet<string> = new Set(['function', 'if', 'for', 'while', 'begin', 'let', 'struct', 'module', 'baremodule', 'macro', 'quote', 'try', 'do']);

/** Whether `tokens[i]` opens a block (`abstract type … end` and `primitive type … end` included). */
export function openerAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (t.kind === 'keyword') return OPENERS.has(t.text);
  const after = tokens[i + 1];
  return t.kind === 'ident' && (t.text === 'abstract' || t.text === 'primitive') && after?.kind === 'ident' && after.text === 'type';
}

/** Index after the `end` matching the opener at `i` (or of the `eof` token). */
export function skipBlock(tokens: readonly Token[], i: number): number {
  let open = 0;
  let brackets = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'eof') return i;
    brackets = bracketDepth(t, closesBrackets(t) ? 0 : brackets);
    if (brackets > 0) continue;
    if (openerAt(tokens, i)) open++;
    else if (isKeyword(t, 'end') && --open <= 0) return i + 1;
  }
  return tokens.length - 1;
}

/** More blocks are opened than closed: some `end` is missing. */
export function missesEnd(tokens: readonly Token[]): boolean {
  let open = 0;
  let brackets = 0;
  tokens.forEach((t, i) => {
    brackets = bracketDepth(t, closesBrackets(t) ? 0 : brackets);
    if (brackets > 0) return;
    if (openerAt(tokens, i)) open++;
    else if (isKeyword(t, 'end')) open--;
  });
  return open > 0;
}

/**
 * A line that starts with `end` or with a block keyword other than `for`/`if` (which also begin
 * comprehension clauses) cannot be inside brackets: any bracket still open before it was never closed.
 */
function closesBrackets(t: Token): boolean {
  return t.lineStart && (t.kind === 'macro' || (t.kind === 'keyword' && OPENERS.has(t.text) && t.text !== 'for' && t.text !== 'if') || isKeyword(t, 'end'));
}

/** The bracket nesting after `t`, never below zero (a stray `)` does not open anything). */
export function bracketDepth(t: Token, brackets: number): number {
  if (t.kind !== 'punct') return brackets;
  if ('([{'.includes(t.text)) return brackets + 1;
  if (')]}'.includes(t.text)) return Math.max(0, brackets - 1);
  return brackets;
}
