import { diagnostic, type Diagnostic } from '../model/index.js';
import { charAt, identEnd, isBlank, isDigit, isIdentStart, normaliseName } from './chars.js';
import { scanChar, scanNumber, scanPrefixedString, scanString, type Scanned } from './literals.js';
import { isDottable, matchOperator } from './operators.js';
import { KEYWORDS, type Token, type TokenKind } from './token.js';

export interface LexResult {
  /** Always ends with one `eof` token. */
  tokens: Token[];
  diagnostics: Diagnostic[];
}

const PUNCTUATION = '()[]{},;';
/** Web pages turn quotes into typographic ones; say so instead of "unexpected character". */
const CURLY_QUOTES = '“”‘’';

/**
 * Source text to tokens. Never fails: a character it cannot read becomes an `invalid` token and a
 * diagnostic, so that the parser can go on and the user sees every problem at once. `from` and `to` lex a
 * part of the source (a string's `$(…)`) with offsets into the whole.
 */
export function lex(source: string, from = 0, to = source.length): LexResult {
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  let i = from;
  let spaceBefore = true;
  let lineStart = true;

  const push = (kind: TokenKind, text: string, from: number, to: number, dotted = false): void => {
    tokens.push({ kind, text, from, to, dotted, spaceBefore, lineStart });
    spaceBefore = false;
    lineStart = kind === 'newline';
    if (kind === 'newline') spaceBefore = true;
  };
  const report = (from: number, to: number, message: string): void => {
    diagnostics.push(diagnostic(source, { from, to }, message));
  };
  /** A literal with an error becomes an `invalid` token: the parser then says nothing more about it. */
  const literal = (kind: TokenKind, from: number, scanned: Scanned): void => {
    if (scanned.error) report(scanned.error.from, scanned.error.to, scanned.error.message);
    push(scanned.error ? 'invalid' : kind, scanned.value, from, scanned.end);
    i = scanned.end;
  };

  while (i < to) {
    const ch = charAt(source, i);
    const start = i;
    if (ch === '\n' || ch === '\r') {
      i += source.startsWith('\r\n', i) ? 2 : 1;
      push('newline', '\n', start, i);
    } else if (isBlank(ch)) {
      i += ch.length;
      spaceBefore = true;
    } else if (source.startsWith('#=', i)) {
      i = skipBlockComment(source, i);
      if (i < 0) {
        report(start, start + 2, 'unterminated comment: `#=` has no matching `=#`');
        i = source.length;
        push('invalid', '#=', start, i);
      }
      spaceBefore = true;
    } else if (ch === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
      spaceBefore = true;
    } else if (isDigit(ch) || (ch === '.' && isDigit(source[i + 1]))) {
      i = scanNumber(source, i);
      push('number', source.slice(start, i), start, i);
    } else if (ch === '"') {
      const previous = tokens.at(-1);
      const prefixed = previous?.kind === 'ident' && previous.to === i;
      literal('string', start, prefixed ? scanPrefixedString(source, i) : scanString(source, i));
    } else if (ch === "'") {
      if (isAdjoint(tokens.at(-1), spaceBefore)) {
        i++;
        push('op', "'", start, i);
      } else {
        literal('char', start, scanChar(source, i));
      }
    } else if (ch === '@') {
      i = lexMacro(source, i, push, report);
    } else if (isIdentStart(ch)) {
      i = identEnd(source, i);
      const name = normaliseName(source.slice(start, i));
      push(name === 'in' || name === 'isa' ? 'op' : KEYWORDS.has(name) ? 'keyword' : 'ident', name, start, i);
    } else if (PUNCTUATION.includes(ch)) {
      i++;
      push('punct', ch, start, i);
    } else if (ch === '.') {
      i = lexDot(source, i, push);
    } else {
      const op = matchOperator(source, i);
      i += op?.length ?? ch.length;
      if (op) {
        push('op', op.text, start, i);
      } else {
        report(start, i, CURLY_QUOTES.includes(ch) ? `typographic quote \`${ch}\`: use a straight \`"\` or \`'\`` : `unexpected character \`${ch}\``);
        push('invalid', ch, start, i);
      }
    }
  }
  push('eof', '', to, to);
  return { tokens, diagnostics };
}

/** `'` right after a name, a number, a closing bracket or another `'` is the adjoint; otherwise it opens a character. */
function isAdjoint(previous: Token | undefined, spaceBefore: boolean): boolean {
  if (!previous || spaceBefore) return false;
  return previous.kind === 'ident' || previous.kind === 'number' || (previous.kind === 'punct' && ')]}'.includes(previous.text)) || (previous.kind === 'op' && previous.text === "'");
}

/** Returns the offset after the closing `=#`, or -1. `#= … =#` nests. */
function skipBlockComment(source: string, i: number): number {
  let depth = 0;
  while (i < source.length) {
    if (source.startsWith('#=', i)) {
      depth++;
      i += 2;
    } else if (source.startsWith('=#', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return -1;
}

type Push = (kind: TokenKind, text: string, from: number, to: number, dotted?: boolean) => void;

/** `@model`, `@addlogprob!`, `@.` (also spelled `@__dot__`), LazyArrays' `@~`. */
function lexMacro(source: string, start: number, push: Push, report: (from: number, to: number, message: string) => void): number {
  if (source[start + 1] === '.' || source[start + 1] === '~') {
    push('macro', source[start + 1]!, start, start + 2);
    return start + 2;
  }
  if (!isIdentStart(charAt(source, start + 1))) {
    report(start, start + 1, '`@` must be followed by a macro name');
    push('invalid', '@', start, start + 1);
    return start + 1;
  }
  const end = identEnd(source, start + 1);
  const name = normaliseName(source.slice(start + 1, end));
  push('macro', name === '__dot__' ? '.' : name, start, end);
  return end;
}

/** `...`, a dotted operator (`.+`, `.=`, `.~`), or the `.` of a field access or broadcast call. */
function lexDot(source: string, start: number, push: Push): number {
  if (source.startsWith('...', start) || source.startsWith('..', start)) {
    const text = source.startsWith('...', start) ? '...' : '..';
    push('op', text, start, start + text.length);
    return start + text.length;
  }
  const op = matchOperator(source, start + 1);
  if (op && isDottable(op.text)) {
    push('op', op.text, start, start + 1 + op.length, true);
    return start + 1 + op.length;
  }
  push('punct', '.', start, start + 1);
  return start + 1;
}
