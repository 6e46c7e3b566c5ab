import type { Expr, Stmt } from '../ast.js';
import { isKeyword, isPunct, type Token } from '../token.js';
import type { Opener, Parser } from './state.js';
import { parseStatement } from './statements.js';

const CLOSERS = ['end', 'else', 'elseif', 'catch', 'finally'];

/** A line break, `;`, the end of the file, or a keyword that closes the enclosing block. */
export function endsStatement(t: Token): boolean {
  return t.kind === 'newline' || t.kind === 'eof' || isPunct(t, ';') || isKeyword(t, ...CLOSERS);
}

export function expectStatementEnd(p: Parser): void {
  const t = p.peek();
  if (!endsStatement(t) && !t.lineStart) p.unexpected('a new line or `;` before the next statement');
}

/** One statement and its terminator; undefined (and the rest of it skipped) if it is broken. */
function parseStatementLine(p: Parser): Stmt | undefined {
  return p.attempt(() => {
    const s = parseStatement(p);
    expectStatementEnd(p);
    return s;
  });
}

/** Stands for a part that failed to parse; an error has been reported, so it never reaches a program. */
export function broken(p: Parser, from: number): Expr {
  return { kind: 'ident', name: '', span: p.span(from) };
}

/**
 * Statements up to one of `terminators` (not consumed). `closed` is false when the block's `end`
 * is missing: at the end of the file, or — in a file with fewer `end`s than blocks, for a block
 * whose body is indented — at a line indented no deeper than the line that opened the block, which
 * most likely belongs to an outer block.
 */
export function parseBody(p: Parser, opener: Opener, terminators: readonly string[]): { body: Stmt[]; closed: boolean } {
  const body: Stmt[] = [];
  let indented: boolean | undefined;
  for (;;) {
    p.skipSeparators();
    const t = p.peek();
    const terminates = t.kind === 'keyword' && terminators.includes(t.text);
    if (p.unbalanced && t.lineStart && t.kind !== 'eof') {
      const depth = p.indent(t) - p.indent(opener.token);
      if (!terminates) indented ??= depth > 0;
      if (indented && (depth < 0 || (depth === 0 && !terminates))) {
        p.missingEnd(opener);
        return { body, closed: false };
      }
    }
    if (t.kind === 'eof') {
      p.missingEnd(opener);
      return { body, closed: false };
    }
    if (terminates) return { body, closed: true };
    if (isKeyword(t, ...CLOSERS)) {
      p.next();
      p.error(t, `unexpected \`${t.text}\` inside ${opener.what}`);
      continue;
    }
    const s = parseStatementLine(p);
    if (s) body.push(s);
  }
}

/** A body closed by `end`, which it consumes. */
export function parseEndBlock(p: Parser, opener: Opener): Stmt[] {
  const { body, closed } = parseBody(p, opener, ['end']);
  if (closed) p.next();
  return body;
}
