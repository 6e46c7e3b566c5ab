import { diagnostic, type Diagnostic } from '../model/index.js';
import type { Program } from './ast.js';
import { lex } from './lexer.js';
import { parseProgram } from './parser/program.js';
import { Parser } from './parser/state.js';
import { missesEnd } from './parser/structure.js';

/**
 * Source text to a syntax tree. Never throws: every problem is a diagnostic with its position, and
 * `program` is present only when there is no error (warnings allowed).
 */
export function parse(source: string): { program: Program | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let program: Program | undefined;
  try {
    const lexed = lex(source);
    diagnostics.push(...lexed.diagnostics);
    program = parseProgram(new Parser(source, lexed.tokens, diagnostics, missesEnd(lexed.tokens)));
  } catch (e) {
    // The editor parses on every keystroke; a parser bug must show as a message, not break it.
    diagnostics.push(diagnostic(source, { from: 0, to: 0 }, `internal error in the parser (please report it): ${String(e)}`));
  }
  diagnostics.sort((a, b) => a.from - b.from);
  return { program: diagnostics.some((d) => d.severity === 'error') ? undefined : program, diagnostics };
}
