/** The lexer's output: the parser never looks at characters, only at these. */
export type TokenKind = 'ident' | 'keyword' | 'number' | 'string' | 'char' | 'op' | 'punct' | 'macro' | 'newline' | 'invalid' | 'eof';

export interface Token {
  kind: TokenKind;
  /**
   * ident: the normalised name; op: the operator without its broadcast dot; string and char: the
   * decoded value; macro: the name without `@` (`.` for `@.`); otherwise the source text.
   */
  text: string;
  from: number;
  to: number;
  /** `.+`, `.==`, `.=`, `.~` … */
  dotted: boolean;
  /** Whitespace, a comment or a line break precedes it: matrix literals (`[a -b]`) and `'` depend on it. */
  spaceBefore: boolean;
  /** The first token on its line: error recovery and the missing-`end` guess depend on it. */
  lineStart: boolean;
}

/** Julia's reserved words, plus `where`; `in` and `isa` lex as operators, `mutable`/`abstract` stay names. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'baremodule', 'begin', 'break', 'catch', 'const', 'continue', 'do', 'else', 'elseif', 'end', 'export', 'false', 'finally',
  'for', 'function', 'global', 'if', 'import', 'let', 'local', 'macro', 'module', 'quote', 'return', 'struct', 'true', 'try',
  'using', 'where', 'while',
]);

export function isPunct(t: Token, text: string): boolean {
  return t.kind === 'punct' && t.text === text;
}

export function isKeyword(t: Token, ...texts: string[]): boolean {
  return t.kind === 'keyword' && texts.includes(t.text);
}

/** An undotted operator. */
export function isOp(t: Token, text: string): boolean {
  return t.kind === 'op' && t.text === text && !t.dotted;
}
