/**
 * Numbers in CSV cells. `String(x)` is the shortest text that reads back as the same double and never
 * depends on a locale; only the non-finite values and −0 need words of their own.
 */

/** How the non-finite values are spelled: R and Julia write `NaN`/`Inf`, CmdStan `nan`/`inf`. */
export type NumberDialect = 'r' | 'stan';

const SPECIAL: Record<NumberDialect, { nan: string; inf: string; negInf: string }> = {
  r: { nan: 'NaN', inf: 'Inf', negInf: '-Inf' },
  stan: { nan: 'nan', inf: 'inf', negInf: '-inf' },
};

export function formatNumber(x: number, dialect: NumberDialect = 'r'): string {
  if (Number.isFinite(x)) return x === 0 && 1 / x < 0 ? '-0' : String(x);
  const s = SPECIAL[dialect];
  return Number.isNaN(x) ? s.nan : x > 0 ? s.inf : s.negInf;
}

/** Whether JSON writes `x` as `String` does: not −0 (JSON's `0`) nor NaN or ±Inf (JSON's `null`). */
function isPlain(x: number): boolean {
  return Number.isFinite(x) && !(x === 0 && 1 / x < 0);
}

/**
 * Rows of numbers as CSV lines joined by line breaks, the same text as `formatNumber` on each cell. JSON
 * writes a finite double as `String` does (the JSON spec prescribes ECMAScript's Number::toString), and
 * JSON.stringify writes all rows into one buffer where `String` makes a string per number to be joined
 * after. Numbers hold no brackets, so `],[` in JSON's text is exactly where one row ends and the next
 * begins. Rows with a value JSON writes otherwise are written cell by cell.
 */
export function formatRows(rows: readonly number[][], dialect: NumberDialect = 'r'): string {
  if (rows.every((row) => row.every(isPlain))) return JSON.stringify(rows).slice(2, -2).replaceAll('],[', '\n');
  return rows.map((row) => row.map((x) => formatNumber(x, dialect)).join(',')).join('\n');
}

const WORDS: ReadonlyMap<string, number> = new Map([
  ['nan', NaN],
  ['na', NaN],
  ['inf', Infinity],
  ['+inf', Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-inf', -Infinity],
  ['-infinity', -Infinity],
]);

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * A cell as a double, or undefined when it is no number. Decimal notation only (`Number` alone would take
 * an empty cell as 0 and `0x1f` as 31); NaN, NA and infinities in R's, Julia's and CmdStan's spellings.
 */
export function parseNumber(cell: string): number | undefined {
  // Most cells are plain decimals: one check of the ends and no regular expression.
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  if ((isDigit(first) || first === 45 || first === 46 || first === 43) && (isDigit(last) || last === 46)) {
    const second = cell.charCodeAt(1) | 32;
    if (!(first === 48 && (second === 120 || second === 98 || second === 111))) {
      const v = Number(cell);
      if (!Number.isNaN(v)) return v;
    }
  }
  const t = cell.trim();
  if (DECIMAL.test(t)) return Number(t);
  return WORDS.get(t.toLowerCase());
}

/**
 * A line of cells that are all plain decimals, read as `parseNumber` reads each, or undefined for any
 * other line and for a line of other than `width` cells. JSON's numbers are such decimals and read as the
 * same doubles, and JSON.parse reads a whole row without making a string per cell first. It refuses NaN,
 * Inf, `.5`, `+1` and whatever is no number, which only `parseNumber` tells apart.
 */
export function parseRow(line: string, width: number): number[] | undefined {
  let values: unknown;
  try {
    values = JSON.parse(`[${line}]`);
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || values.length !== width) return undefined;
  for (const v of values) if (typeof v !== 'number') return undefined;
  return values as number[];
}
