import { JDate, JDateTime } from '../../model/index.js';
import { dateOf, dateTimeOf } from './dates.js';
import { fail } from './errors.js';

/** Dates and times as text: read in a format (`Date("01/03/2020", "dd/mm/yyyy")`) and written in one (`Dates.format`). */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** DateFormat's codes (the others stand as written): year, month as a number or a name, day, day name, hours, minutes, seconds, milliseconds, AM/PM. */
const CODES = 'yYmuUdeEHIMSsp';

/** A format's parts: runs of one code (`yyyy`), an escaped character (`\\T`), or text that stands as written. */
const formatParts = (format: string): string[] => format.match(new RegExp(`([${CODES}])\\1*|\\\\.|[^${CODES}\\\\]+`, 'g')) ?? [];
const isCodePart = (part: string | undefined): boolean => part !== undefined && CODES.includes(part[0]!);
const capitalised = (name: string): string => name[0]!.toUpperCase() + name.slice(1);

/** `Dates.format(d, "dd/mm/yyyy")`: the text of a Date or DateTime in a format, each number padded to its code's width, as Julia writes it. */
export function formatDate(t: JDate | JDateTime, format: string): string {
  const date = t instanceof JDate ? t : t.date;
  const { year, month, day } = date.civil;
  const clock = t instanceof JDate ? { hour: 0, minute: 0, second: 0, millisecond: 0 } : t.clock;
  const weekday = ((((date.days - 1) % 7) + 7) % 7) + 1;
  const padded = (n: number, width: number): string => String(n).padStart(width, '0');
  return formatParts(format)
    .map((part) => {
      if (!isCodePart(part)) return part.replace(/^\\/, '');
      const width = part.length;
      switch (part[0]) {
        case 'y':
        case 'Y':
          // Julia keeps the last digits of a year written narrower than it (`yy` of 2020 is 20).
          return width < 4 ? padded(year, width).slice(-width) : padded(year, width);
        case 'm':
          return padded(month, width);
        case 'u':
          return capitalised(MONTHS[month - 1]!.slice(0, 3));
        case 'U':
          return capitalised(MONTHS[month - 1]!);
        case 'd':
          return padded(day, width);
        case 'e':
          return capitalised(DAYS[weekday - 1]!.slice(0, 3));
        case 'E':
          return capitalised(DAYS[weekday - 1]!);
        case 'H':
          return padded(clock.hour, width);
        case 'I':
          return padded(clock.hour % 12 === 0 ? 12 : clock.hour % 12, width);
        case 'M':
          return padded(clock.minute, width);
        case 'S':
          return padded(clock.second, width);
        case 's':
          return padded(clock.millisecond, width);
        default:
          return clock.hour < 12 ? 'AM' : 'PM';
      }
    })
    .join('');
}

/** What one code reads, as a regular expression: fixed width when it touches another code (`yyyymmdd`), as Julia reads it. */
function codePattern(code: string, width: number, fixed: boolean): string {
  if (code === 'u' || code === 'e') return '([A-Za-z]{3})';
  if (code === 'U' || code === 'E') return '([A-Za-z]+)';
  if (code === 'p') return '([AaPp][Mm])';
  return fixed ? `(\\d{${width}})` : code === 'y' || code === 'Y' ? '(-?\\d+)' : '(\\d+)';
}

/**
 * The parts a text gives in a format of Dates' codes, as `Date(text, format)` and `DateTime(text, format)` read it:
 * `Date("01/03/2020", "dd/mm/yyyy")`, `DateTime("2020-03-01 09:30", "yyyy-mm-dd HH:MM")`. As in Julia, the text may
 * stop early at a boundary between parts, the rest taking their defaults (`DateTime("2020-03-01")` is midnight).
 */
export function parseParts(text: string, format: string, kind: 'Date' | 'DateTime'): number[] {
  const parts = formatParts(format);
  const isCode = isCodePart;
  const codes = parts.filter(isCode).map((part) => part[0]!);
  const pieces = parts.map((part, k) =>
    isCode(part) ? codePattern(part[0]!, part.length, isCode(parts[k - 1]) || isCode(parts[k + 1])) : part.replace(/^\\/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  // Each part after the first optional with all that follows it.
  const pattern = pieces.reduceRight((rest, piece, k) => (k === 0 ? piece + rest : `(?:${piece}${rest})?`), '');
  const found = new RegExp(`^${pattern}$`).exec(text.trim());
  if (found === null || found[1] === undefined) return fail(`ArgumentError: cannot parse ${JSON.stringify(text)} as a ${kind} of the format ${JSON.stringify(format)}`);
  const read = (code: string): string | undefined => {
    const k = codes.indexOf(code);
    return k < 0 ? undefined : found[k + 1];
  };
  const number = (codes: string, fallback: number): number => {
    const text = [...codes].map(read).find((t) => t !== undefined);
    return text === undefined ? fallback : Number(text);
  };
  const named = (code: string, names: readonly string[]): number | undefined => {
    const text = read(code)?.toLowerCase();
    if (text === undefined) return undefined;
    const k = names.findIndex((n) => (code === code.toLowerCase() ? n.slice(0, 3) : n) === text);
    return k < 0 ? fail(`ArgumentError: cannot parse ${JSON.stringify(text)} as a ${code === 'u' || code === 'U' ? 'month' : 'day'} name`) : k + 1;
  };
  for (const code of ['e', 'E']) named(code, DAYS);
  const month = named('u', MONTHS) ?? named('U', MONTHS) ?? number('m', 1);
  let hour = number('HI', 0);
  const half = read('p')?.toUpperCase();
  if (half !== undefined) hour = (hour % 12) + (half === 'PM' ? 12 : 0);
  // `s` is the fraction of a second: `.5` is 500 ms.
  const fraction = read('s');
  const millisecond = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  return [number('yY', 1), month, number('d', 1), hour, number('M', 0), number('S', 0), millisecond];
}

/** `Date("2020-03-01")` and `Date("01/03/2020", "dd/mm/yyyy")`. */
export function parseDate(text: string, format = 'yyyy-mm-dd'): JDate {
  const [y, m, d] = parseParts(text, format, 'Date');
  return dateOf(y!, m!, d!);
}

/** `DateTime("2020-03-01T09:30:00")` (ISO, to the millisecond) and `DateTime(text, format)`. */
export function parseDateTime(text: string, format = 'yyyy-mm-ddTHH:MM:SS.s'): JDateTime {
  const [y, m, d, h, mi, s, ms] = parseParts(text, format, 'DateTime');
  return dateTimeOf(y!, m!, d!, h, mi, s, ms);
}
