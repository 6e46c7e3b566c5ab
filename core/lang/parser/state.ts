import { diagnostic, lineColumn, type Diagnostic, type Span } from '../../model/index.js';
import { isKeyword, isOp, isPunct, type Token } from '../token.js';
import { bracketDepth, openerAt, skipBlock } from './structure.js';
import { unsupportedHint } from './unsupported.js';

/** Thrown to abandon the construct being parsed; the statement loop catches it and resynchronises. */
export class ParseAbort extends Error {}

/** How the tokens ahead are read: Julia's newline and whitespace rules depend on the enclosing brackets. */
export interface Context {
  /** Inside `(…)`, `{…}` and call arguments a line break is only whitespace. */
  ignoreNewlines: boolean;
  /** Inside `[…]` literals a space separates elements: `[a -b]` has two. */
  spaceSensitive: boolean;
  /** Inside `x[…]`, `end` is the last index. */
  inIndex: boolean;
  /** In the `b` of `a ? b : c`, a spaced `:` ends `b` instead of making a range. */
  ternaryThen: boolean;
  /** Inside `@. …`, where `$(e)` is allowed. */
  dotMacro: boolean;
  /** Inside DataFramesMeta's `@eachrow` and `@astable` blocks, where `:x = …` writes the column x. */
  columnTargets?: true;
  /** The innermost open bracket, for "missing `)`". */
  open?: Token;
}

/** A block waiting for its `end`, for the "missing `end`" message. */
export interface Opener {
  token: Token;
  /** "the `for` loop", "`function f`" */
  what: string;
}

/** Inside `(…)`, `{…}`, `x[…]` and argument lists, line breaks and spaces are only whitespace. */
export const LOOSE: Partial<Context> = { ignoreNewlines: true, spaceSensitive: false, ternaryThen: false };
const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

const STATEMENT_CONTEXT: Context = { ignoreNewlines: false, spaceSensitive: false, inIndex: false, ternaryThen: false, dotMacro: false };
/** The body of a block written inside an expression (a `do` block, `function (x) … end` as an argument): statements again, on their own lines. */
export const STATEMENTS: Partial<Context> = { ignoreNewlines: false, spaceSensitive: false, inIndex: false, ternaryThen: false, dotMacro: false, open: undefined };
/** Deeper nesting than any model needs; the limit keeps hostile input from overflowing the stack. */
const MAX_DEPTH = 200;

export interface ParserMark {
  readonly pos: number;
  readonly lastEnd: number;
  readonly reported: number;
}

export class Parser {
  pos = 0;
  ctx: Context = STATEMENT_CONTEXT;
  private depth = 0;
  private lastEnd = 0;
  /** Only the innermost block left open at the end of the file gets a "missing `end`". */
  missingEndAtEof = false;
  /** How many function or model definitions the parser is inside: 0 for a script's own lines. */
  definitions = 0;

  constructor(
    readonly source: string,
    readonly tokens: readonly Token[],
    readonly diagnostics: Diagnostic[],
    /** More block openers than `end`s in the file: only then is indentation trusted to say which block lost its `end`. */
    readonly unbalanced: boolean,
  ) {}

  /** The `ahead`-th next token, skipping line breaks where they are whitespace. */
  peek(ahead = 0): Token {
    return this.token(this.indexOf(ahead));
  }

  next(): Token {
    const index = this.indexOf(0);
    const t = this.token(index);
    if (t.kind !== 'eof') {
      this.pos = index + 1;
      this.lastEnd = t.to;
    }
    return t;
  }

  token(index: number): Token {
    return this.tokens[Math.min(index, this.tokens.length - 1)] as Token;
  }

  private indexOf(ahead: number): number {
    let i = this.pos;
    for (let n = 0; ; i++) {
      const t = this.token(i);
      if (t.kind === 'eof') return i;
      if (t.kind === 'newline' && this.ctx.ignoreNewlines) continue;
      if (n++ === ahead) return i;
    }
  }

  atPunct(text: string): boolean {
    return isPunct(this.peek(), text);
  }

  atOp(text: string): boolean {
    return isOp(this.peek(), text);
  }

  atKeyword(...texts: string[]): boolean {
    return isKeyword(this.peek(), ...texts);
  }

  skipNewlines(): void {
    while (this.token(this.pos).kind === 'newline') this.pos++;
  }

  /** Line breaks and `;` between statements. */
  skipSeparators(): void {
    for (let t = this.token(this.pos); t.kind === 'newline' || isPunct(t, ';'); t = this.token(this.pos)) this.pos++;
  }

  /** From `from` to the end of the last token consumed. */
  span(from: number): Span {
    return { from, to: Math.max(from, this.lastEnd) };
  }

  with<T>(patch: Partial<Context>, parse: () => T): T {
    const saved = this.ctx;
    this.ctx = { ...saved, ...patch };
    try {
      return parse();
    } finally {
      this.ctx = saved;
    }
  }

  /** Parses what follows the bracket `open`, in the loose context unless `patch` says otherwise. */
  inBrackets<T>(open: Token, parse: () => T, patch: Partial<Context> = LOOSE): T {
    return this.with({ ...patch, open }, parse);
  }

  nest<T>(parse: () => T): T {
    if (this.depth >= MAX_DEPTH) this.fail(this.peek(), 'this is nested too deeply');
    this.depth++;
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  error(span: Span, message: string, severity: Diagnostic['severity'] = 'error'): void {
    // Two messages at one place are one problem seen twice.
    if (this.diagnostics.some((d) => d.from === span.from && d.severity === severity)) return;
    this.diagnostics.push(diagnostic(this.source, span, message, severity));
  }

  fail(span: Span | Token, message: string): never {
    // The lexer already reported what is wrong with an invalid token.
    if (!('kind' in span && span.kind === 'invalid')) this.error({ from: span.from, to: span.to }, message);
    throw new ParseAbort(message);
  }

  /**
   * Reports the next token as out of place. A construct Tilde rejects gets its own message; a
   * block it rejects (`struct … end`, `x = if …`) is skipped to its `end` so that its body does not
   * produce more errors.
   */
  unexpected(expected: string): never {
    const t = this.peek();
    const open = this.ctx.open;
    if (open && (t.kind === 'eof' || (t.lineStart && startsBlockOrEnd(t)))) this.missingClose(open);
    // No index holds a `~`: `x[i ~ Normal()` lost its `]` (in parentheses `~` is Julia's operator, `f(a ~ b)`).
    if (open?.text === '[' && t.kind === 'op' && t.text === '~') this.missingClose(open);
    const message = unsupportedHint(t, this.peek(1)) ?? `unexpected ${this.describe(t)} — expected ${expected}`;
    if (t.kind !== 'invalid') this.error(t, message);
    const at = this.indexOf(0);
    if (openerAt(this.tokens, at)) {
      this.pos = skipBlock(this.tokens, at);
      this.lastEnd = this.token(this.pos - 1).to;
    }
    throw new ParseAbort(message);
  }

  describe(t: Token): string {
    // A part lexed on its own (a string's `$(…)`) ends before the source does, at its closing bracket.
    if (t.kind === 'eof') return t.from < this.source.length ? `\`${this.source.charAt(t.from)}\`` : 'end of input';
    if (t.kind === 'newline') return 'end of line';
    if (t.kind === 'string') return 'string';
    return `\`${this.source.slice(t.from, t.to)}\``;
  }

  line(offset: number): number {
    return lineColumn(this.source, offset).line;
  }

  /** Width of the leading whitespace of the line holding `t`. */
  indent(t: Token): number {
    const lineStart = this.source.lastIndexOf('\n', t.from - 1) + 1;
    return /^[ \t]*/.exec(this.source.slice(lineStart, t.from))?.[0].length ?? 0;
  }

  /** Consumes the bracket closing `ctx.open`, or says it is missing when the next line (or the file) has begun. */
  close(expected: string): void {
    const open = this.ctx.open;
    const t = this.peek();
    if (open && isPunct(t, CLOSING[open.text] ?? '')) {
      this.next();
      return;
    }
    if (open && (t.kind === 'eof' || (t.lineStart && !isPunct(t, ',') && this.line(t.from) > this.line(open.from)))) this.missingClose(open);
    this.unexpected(expected);
  }

  private missingClose(open: Token): never {
    return this.fail(open, `missing \`${CLOSING[open.text] ?? ''}\` for the \`${open.text}\` opened on line ${this.line(open.from)}`);
  }

  missingEnd(opener: Opener): void {
    const atEof = this.peek().kind === 'eof';
    // The lexer already said why the file ends early (an unterminated comment or string).
    if (atEof && (this.missingEndAtEof || this.token(this.tokens.length - 2).kind === 'invalid')) return;
    this.missingEndAtEof ||= atEof;
    // Julia reads `else if c` as an `else` whose body opens a second `if`, which needs its own `end`: the `end`s run
    // out far from the mistake, at whichever block indentation blames.
    const elseIf = this.tokens.findIndex((t, i) => isKeyword(t, 'else') && isKeyword(this.tokens[i + 1]!, 'if'));
    if (elseIf >= 0) {
      this.error({ from: this.tokens[elseIf]!.from, to: this.tokens[elseIf + 1]!.to }, '`else if` opens a second `if` inside the `else`, which needs an `end` of its own: write `elseif`, in one word');
      return;
    }
    this.error(opener.token, `missing \`end\` for ${opener.what} opened on line ${this.line(opener.token.from)}`);
  }

  /**
   * Skips the rest of a broken statement that began at token `start`: up to the next line break or
   * `;` outside the brackets it opened, but never past a line that starts a new block or an `end`,
   * nor past the line the error was found on when it began that line (the statement ended before it).
   */
  sync(start: number): void {
    let errorAt = this.pos;
    while (this.token(errorAt).kind === 'newline') errorAt++;
    let depth = 0;
    for (let i = start; i < this.pos; i++) depth = bracketDepth(this.token(i), depth);
    for (;;) {
      const t = this.token(this.pos);
      if (t.kind === 'eof') return;
      if (t.lineStart && this.pos > start && (depth === 0 || this.pos === errorAt || startsBlockOrEnd(t))) return;
      // A block opened inside the broken line belongs to it (`@chain df begin … end`, `@threads for … end`).
      if (depth === 0 && !t.lineStart && openerAt(this.tokens, this.pos)) {
        this.pos = skipBlock(this.tokens, this.pos);
        this.lastEnd = this.token(this.pos - 1).to;
        continue;
      }
      this.pos++;
      if (t.kind !== 'newline') this.lastEnd = t.to;
      if ((t.kind === 'newline' || isPunct(t, ';')) && depth === 0) return;
      depth = bracketDepth(t, depth);
    }
  }

  /** Where the parser stands, to `rewind` to when what follows turns out to be another construct. */
  mark(): ParserMark {
    return { pos: this.pos, lastEnd: this.lastEnd, reported: this.diagnostics.length };
  }

  /** Back to `mark`, dropping what was reported since. */
  rewind(mark: ParserMark): void {
    this.pos = mark.pos;
    this.lastEnd = mark.lastEnd;
    this.diagnostics.length = mark.reported;
  }

  /** Runs `parse` for its effect on the position only: what it reports is dropped. */
  quietly(parse: () => void): void {
    const reported = this.diagnostics.length;
    const missingEndAtEof = this.missingEndAtEof;
    parse();
    this.diagnostics.length = reported;
    this.missingEndAtEof = missingEndAtEof;
  }

  /** Runs `parse`; on a syntax error, skips the rest of the broken statement and returns undefined. */
  attempt<T>(parse: () => T): T | undefined {
    const start = this.pos;
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof ParseAbort)) throw e;
      this.sync(start);
      return undefined;
    }
  }
}

function startsBlockOrEnd(t: Token): boolean {
  return (t.kind === 'keyword' && !isKeyword(t, 'true', 'false', 'where', 'do')) || t.kind === 'macro';
}
