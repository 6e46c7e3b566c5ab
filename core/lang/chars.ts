/**
 * Which characters make up a Julia identifier. Julia allows Unicode letters, digits after the
 * first character, sub/superscripts, primes and combining marks (`θ̃`, `s²`, `x₁`, `f′`), and `!`
 * (`push!`). The ASCII `'` is never part of a name: `β'` is the adjoint of `β`.
 */
const START = /^[\p{L}\p{Nl}_∂∇]$/u;
const PART = /^[\p{L}\p{Nl}\p{Nd}\p{No}\p{Mn}\p{Mc}\p{Me}\p{Pc}!′″‴‵‶‷⁗⁺⁻⁼⁽⁾₊₋₌₍₎]$/u;

export function isIdentStart(ch: string): boolean {
  return START.test(ch);
}

export function isIdentPart(ch: string): boolean {
  return START.test(ch) || PART.test(ch);
}

/** The character (one code point, one or two UTF-16 units) at `i`, or '' past the end. */
export function charAt(source: string, i: number): string {
  const cp = source.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** Julia compares names after NFC normalisation and folds a few look-alikes (µ micro sign → μ, ɛ → ε). */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\u00B5/g, '\u03BC').replace(/\u025B/g, '\u03B5');
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Blanks other than line breaks; the no-break space is common in code pasted from web pages. */
export function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\f' || ch === '\v' || /^\p{Zs}$/u.test(ch) || ch === '\uFEFF';
}

/** The offset just past the name that starts at `i`. */
export function identEnd(source: string, i: number): number {
  i += charAt(source, i).length;
  for (;;) {
    const ch = charAt(source, i);
    // `x!=y` is `x != y`, not the name `x!`.
    if (ch === '' || !isIdentPart(ch) || (ch === '!' && source[i + 1] === '=')) return i;
    i += ch.length;
  }
}
