import { charAt, identEnd, isDigit, isIdentStart } from './chars.js';
import { isDottable, matchOperator } from './operators.js';

/** What a scanner read: where the literal ends, its decoded value, and what was wrong with it. */
export interface Scanned {
  end: number;
  value: string;
  error?: { from: number; to: number; message: string };
}

const HEX = /[0-9a-fA-F_]/;

/** Julia number syntax: `1_000`, `0x1F`, `2.`, `.5`, `1e-3`, `2.5f0`. Letters after it are juxtaposition (`2x`). */
export function scanNumber(source: string, start: number): number {
  let i = start;
  const radix = /^0[xbo]/.exec(source.slice(i, i + 2)) && HEX.test(source.charAt(i + 2)) ? source.charAt(i + 1) : undefined;
  if (radix !== undefined) {
    const digit = radix === 'x' ? HEX : radix === 'o' ? /[0-7_]/ : /[01_]/;
    i += 2;
    while (digit.test(source.charAt(i))) i++;
    return i;
  }
  i = skipDigits(source, i);
  if (source[i] === '.' && isFractionDot(source, i)) i = skipDigits(source, i + 1);
  const exponent = /^[eEf][+-]?[0-9]/.exec(source.slice(i, i + 3));
  if (exponent) i = skipDigits(source, i + exponent[0].length - 1);
  return i;
}

function skipDigits(source: string, i: number): number {
  while (isDigit(source[i]) || (source[i] === '_' && isDigit(source[i + 1]))) i++;
  return i;
}

/**
 * Whether the `.` after digits belongs to the number. Not when it starts `..`/`...`, a dotted operator
 * (`2 .* x` written `2.*x`) or a field-like name.
 */
function isFractionDot(source: string, i: number): boolean {
  const after = source[i + 1];
  if (isDigit(after)) return true;
  if (after === '.' || isIdentStart(charAt(source, i + 1))) return false;
  const op = matchOperator(source, i + 1);
  return op === undefined || !isDottable(op.text);
}

export function numberValue(text: string): { value: number; isInteger: boolean } {
  const clean = text.replace(/_/g, '');
  if (/^0[xbo]/.test(clean)) return { value: Number(clean), isInteger: true };
  return { value: Number(clean.replace('f', 'e')), isInteger: !/[.eEf]/.test(clean) };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", $: '$', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b',
};

/** `\n`, `\x41`, `\u03b1`, `\U0001F600`, `\101` (octal). `i` is at the backslash. */
function scanEscape(source: string, i: number): Scanned {
  const c = source.charAt(i + 1);
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { end: i + 2, value: simple };
  const digits = c === 'x' ? /^[0-9a-fA-F]{1,2}/ : c === 'u' ? /^[0-9a-fA-F]{1,4}/ : c === 'U' ? /^[0-9a-fA-F]{1,8}/ : undefined;
  if (digits) {
    const hex = digits.exec(source.slice(i + 2, i + 10))?.[0];
    const code = hex === undefined ? NaN : parseInt(hex, 16);
    if (hex !== undefined && code <= 0x10ffff) return { end: i + 2 + hex.length, value: String.fromCodePoint(code) };
  }
  const octal = /^[0-7]{1,3}/.exec(source.slice(i + 1, i + 4))?.[0];
  if (octal !== undefined) return { end: i + 1 + octal.length, value: String.fromCodePoint(parseInt(octal, 8)) };
  const end = i + 1 + charAt(source, i + 1).length;
  return { end, value: '', error: { from: i, to: end, message: `invalid escape sequence \`${source.slice(i, end)}\`` } };
}

/** A piece of an interpolated string: literal text, or the source range of the expression in `$x` / `$(…)`. */
export type StringPart = string | { from: number; to: number };

export interface ScannedString extends Scanned {
  /** Set when the string interpolates (`"μ = $μ"`): its text and expressions in order. */
  parts?: StringPart[];
}

/**
 * `$name` or `$(expr)` in a string, `i` at the `$`: where the expression's source lies and where the
 * interpolation ends. Inside `$(…)` brackets nest and strings are skipped whole, so `"$(f(")"))"` is one string.
 */
function scanInterpolation(source: string, i: number, multiline: boolean): Scanned & { from: number; to: number } {
  if (isIdentStart(charAt(source, i + 1))) {
    const end = identEnd(source, i + 1);
    return { end, value: '', from: i + 1, to: end };
  }
  if (source[i + 1] !== '(') {
    const end = i + 1 + charAt(source, i + 1).length;
    return { end, value: '', from: i, to: i, error: { from: i, to: end, message: 'a `$` in a string interpolates `$name` or `$(expr)`: write `\\$` for a dollar sign' } };
  }
  let depth = 0;
  for (let j = i + 1; j < source.length && (multiline || source[j] !== '\n'); ) {
    const c = source[j];
    if (c === '"') {
      j = scanString(source, j).end;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')' && --depth === 0) return { end: j + 1, value: '', from: i + 2, to: j };
    j++;
  }
  return { end: i + 2, value: '', from: i, to: i, error: { from: i, to: i + 2, message: '`$(` in a string has no matching `)`' } };
}

/**
 * `"…"` or `"""…"""`, `start` at the first quote. The value keeps an interpolation as written; `parts` says
 * what it interpolates.
 */
export function scanString(source: string, start: number): ScannedString {
  const quote = source.startsWith('"""', start) ? '"""' : '"';
  let i = start + quote.length;
  let value = '';
  let error: Scanned['error'];
  const parts: StringPart[] = [];
  let text = '';
  while (i < source.length) {
    if (source.startsWith(quote, i)) {
      if (parts.length > 0 && text !== '') parts.push(text);
      return { end: i + quote.length, value, ...(error && { error }), ...(parts.length > 0 && { parts }) };
    }
    if (source[i] === '\\') {
      const escape = source[i + 1] === '\n' ? { end: i + 2, value: '' } : scanEscape(source, i);
      value += escape.value;
      text += escape.value;
      error ??= escape.error;
      i = escape.end;
    } else if (source[i] === '$') {
      const interpolation = scanInterpolation(source, i, quote === '"""');
      error ??= interpolation.error;
      if (text !== '') parts.push(text);
      parts.push({ from: interpolation.from, to: interpolation.to });
      text = '';
      value += source.slice(i, interpolation.end);
      i = interpolation.end;
    } else {
      value += source[i];
      text += source[i];
      i++;
    }
  }
  return unterminated(source, start, quote, value);
}

/** Resumes lexing on the next line, so that one missing quote does not swallow the rest of the file. */
function unterminated(source: string, start: number, quote: string, value: string): Scanned {
  const lineEnd = source.indexOf('\n', start);
  const end = quote === '"""' || lineEnd < 0 ? source.length : lineEnd;
  return { end, value, error: { from: start, to: end, message: 'unterminated string literal' } };
}

/**
 * The string of a non-standard string literal (`L"\phi"`, `r"%"`, `raw"C:\x"`), `start` at its first quote: Julia
 * hands it to the `@name_str` macro as written, so backslashes escape nothing but a quote and `$` does not interpolate.
 */
export function scanPrefixedString(source: string, start: number): Scanned {
  const quote = source.startsWith('"""', start) ? '"""' : '"';
  let value = '';
  for (let i = start + quote.length; i < source.length; ) {
    if (source.startsWith(quote, i)) return { end: i + quote.length, value };
    if (source.startsWith('\\"', i)) {
      value += '"';
      i += 2;
    } else {
      value += source[i];
      i++;
    }
  }
  return unterminated(source, start, quote, value);
}

/** `'a'`, `'\n'`, `'α'`; `start` at the opening quote. */
export function scanChar(source: string, start: number): Scanned {
  const body = source[start + 1] === '\\' ? scanEscape(source, start + 1) : { end: start + 1 + charAt(source, start + 1).length, value: charAt(source, start + 1) };
  if (body.value === "'" && source[start + 1] === "'") return { end: start + 2, value: '', error: { from: start, to: start + 2, message: "empty character literal `''`" } };
  if (body.value === '\n' && source[start + 1] === '\n') return { end: start + 1, value: '', error: { from: start, to: start + 1, message: 'unterminated character literal' } };
  if (source[body.end] === "'") return { end: body.end + 1, value: body.value, ...(body.error && { error: body.error }) };
  const close = source.indexOf("'", body.end);
  const lineEnd = source.indexOf('\n', body.end);
  if (close > 0 && (lineEnd < 0 || close < lineEnd)) {
    return { end: close + 1, value: body.value, error: { from: start, to: close + 1, message: 'a character literal holds one character: use a string `"…"` for text' } };
  }
  return { end: body.end, value: body.value, error: { from: start, to: body.end, message: 'unterminated character literal' } };
}
