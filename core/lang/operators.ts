/**
 * The operators the lexer recognises, longest first so that `===` wins over `==` and `=`. Some are
 * recognised only to be rejected with a precise message (`//`, `|>` …, see parser/unsupported).
 */
const OPERATORS = [
  '===', '!==', '...', '>>>',
  '==', '!=', '<=', '>=', '&&', '||', '::', ':=', '->', '=>', '|>', '<|', '<:', '>:', '+=', '-=', '*=', '/=', '\\=', '^=',
  '%=', '÷=', '//', '<<', '>>', '..',
  '=', '<', '>', '+', '-', '*', '/', '\\', '^', '%', '÷', '!', '&', '|', '~', '?', ':', '$', '≤', '≥', '≠', '≈', '≉', '∈', '∉', '⋅',
  '×', '√', '∛', '∘',
];

/** Characters Julia reads as another operator: the Unicode minus sign is `-`. */
const ALIASES: Record<string, string> = { '−': '-' };

/** Operators that take a broadcast dot: `.+`, `.==`, `.=`, `.+=`, `.~`, `.!` … */
const DOTTABLE: ReadonlySet<string> = new Set([
  '+', '-', '*', '/', '\\', '^', '%', '÷', '==', '!=', '===', '!==', '<', '<=', '>', '>=', '≤', '≥', '≠', '&', '|', '~', '=', '+=',
  '-=', '*=', '/=', '\\=', '^=', '%=', '÷=', '!', '∈', '∉', '≈', '≉', '=>',
]);

export function matchOperator(source: string, i: number): { text: string; length: number } | undefined {
  const alias = ALIASES[source.charAt(i)];
  if (alias !== undefined) return { text: alias, length: 1 };
  const text = OPERATORS.find((op) => source.startsWith(op, i));
  return text === undefined ? undefined : { text, length: text.length };
}

export function isDottable(op: string): boolean {
  return DOTTABLE.has(op);
}
