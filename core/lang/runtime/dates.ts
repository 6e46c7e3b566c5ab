import { JDate, JDay, describe, type Value } from '../../model/index.js';
import { fail } from './errors.js';

/** What Dates defines on its values: arithmetic, order, and `Date` from text or parts. */

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** `Date(y, m, d)`, with Julia's ArgumentError for a month or day out of range. */
export function dateOf(year: number, month: number, day: number): JDate {
  if (![year, month, day].every(Number.isInteger)) fail(`Date takes whole numbers for the year, month and day, got ${year}, ${month}, ${day}`);
  if (month < 1 || month > 12) fail(`ArgumentError: Month: ${month} out of range (1:12)`);
  const last = month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
  if (day < 1 || day > last) fail(`ArgumentError: Day: ${day} out of range (1:${last})`);
  return JDate.of(year, month, day);
}

/**
 * `Date("2020-03-01")`, and `Date("01/03/2020", "dd/mm/yyyy")` with a format of Dates' y, m and d codes between
 * other characters, which must stand as written.
 */
export function parseDate(text: string, format = 'yyyy-mm-dd'): JDate {
  const parts = format.match(/y+|m+|d+|[^ymd]+/g) ?? [];
  const isCode = (part: string | undefined): boolean => part !== undefined && /^[ymd]/.test(part);
  const codes = parts.filter(isCode).map((part) => part[0]!);
  // A code next to another (`yyyymmdd`) reads as many digits as it has letters, as Julia's fixed-width formats do.
  const pattern = parts
    .map((part, k) => (isCode(part) ? (isCode(parts[k - 1]) || isCode(parts[k + 1]) ? `(\\d{${part.length}})` : '(\\d+)') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const found = new RegExp(`^${pattern}$`).exec(text.trim());
  if (found === null) return fail(`ArgumentError: cannot parse ${JSON.stringify(text)} as a Date of the format ${JSON.stringify(format)}`);
  const part = (code: string, fallback: number): number => {
    const k = codes.indexOf(code);
    return k < 0 ? fallback : Number(found[k + 1]);
  };
  return dateOf(part('y', 1), part('m', 1), part('d', 1));
}

/** `d2 - d1` (a Day), `d + Day(n)`, `Day(a) ± Day(b)`, `k * Day(n)`. */
export function dateArith(op: string, a: Value, b: Value): Value {
  if (a instanceof JDate && b instanceof JDate && op === '-') return new JDay(a.days - b.days);
  if (a instanceof JDate && b instanceof JDay && (op === '+' || op === '-')) return new JDate(op === '+' ? a.days + b.value : a.days - b.value);
  if (a instanceof JDay && b instanceof JDate && op === '+') return new JDate(b.days + a.value);
  if (a instanceof JDay && b instanceof JDay && (op === '+' || op === '-')) return new JDay(op === '+' ? a.value + b.value : a.value - b.value);
  if (op === '*' && (a instanceof JDay || b instanceof JDay)) {
    const [p, k] = a instanceof JDay ? [a, b] : [b as JDay, a];
    if (typeof k === 'number' && Number.isInteger(k)) return new JDay(p.value * k);
  }
  return fail(`\`${op}\` is not defined for ${describe(a)} and ${describe(b)}`);
}

/** The number a Date or a Day is ordered and compared by, as Julia's `isless` and `==` order them; undefined for other values. */
export function dateOrder(v: Value): number | undefined {
  if (v instanceof JDate) return v.days;
  if (v instanceof JDay) return v.value;
  return undefined;
}
