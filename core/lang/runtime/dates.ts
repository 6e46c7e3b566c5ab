import { JArray, JDate, JDateTime, JPeriod, MS_PER_DAY, PERIOD_MS, describe, type Value } from '../../model/index.js';
import { fail } from './errors.js';

/** What Dates defines on its values: `Date`/`DateTime` from parts, arithmetic, order and ranges (date-text.ts reads and writes them as text). */

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number): number => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);

/** `Date(y, m, d)`, with Julia's ArgumentError for a month or day out of range. */
export function dateOf(year: number, month: number, day: number): JDate {
  if (![year, month, day].every(Number.isInteger)) fail(`Date takes whole numbers for the year, month and day, got ${year}, ${month}, ${day}`);
  if (month < 1 || month > 12) fail(`ArgumentError: Month: ${month} out of range (1:12)`);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) fail(`ArgumentError: Day: ${day} out of range (1:${last})`);
  return JDate.of(year, month, day);
}

/** `DateTime(y, m, d, h, mi, s, ms)`, each part checked as Julia checks it. */
export function dateTimeOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): JDateTime {
  const limits: [string, number, number][] = [['Hour', hour, 23], ['Minute', minute, 59], ['Second', second, 59], ['Millisecond', millisecond, 999]];
  for (const [name, v, max] of limits) {
    if (!Number.isInteger(v) || v < 0 || v > max) fail(`ArgumentError: ${name}: ${v} out of range (0:${max})`);
  }
  return new JDateTime(dateOf(year, month, day).days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond);
}

/** Months a calendar period holds: `Year(1)` is 12, `Quarter(1)` 3; undefined for a fixed period. */
export function monthsOf(p: JPeriod): number | undefined {
  return p.unit === 'Year' ? 12 * p.value : p.unit === 'Quarter' ? 3 * p.value : p.unit === 'Month' ? p.value : undefined;
}

/** A Date `months` later, on the same day or, where that month is shorter, its last day: Julia's `Date(2020, 1, 31) + Month(1)` is 2020-02-29. */
export function monthsLater(d: JDate, months: number): JDate {
  const { year, month, day } = d.civil;
  const k = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(k / 12), (((k % 12) + 12) % 12) + 1];
  return JDate.of(y, m, Math.min(day, daysInMonth(y, m)));
}

/** `t + p` of a Date or DateTime and a period (`sign` -1 for `t - p`), by Julia's methods: a Date takes whole days or calendar periods. */
function shifted(t: JDate | JDateTime, p: JPeriod, sign: 1 | -1): JDate | JDateTime {
  const months = monthsOf(p);
  if (months !== undefined) {
    if (t instanceof JDate) return monthsLater(t, sign * months);
    return new JDateTime(t.ms + (monthsLater(t.date, sign * months).days - t.date.days) * MS_PER_DAY);
  }
  const ms = PERIOD_MS[p.unit]! * p.value * sign;
  if (t instanceof JDateTime) return new JDateTime(t.ms + ms);
  if (p.unit === 'Day' || p.unit === 'Week') return new JDate(t.days + ms / MS_PER_DAY);
  return fail(`\`${sign > 0 ? '+' : '-'}\` is not defined for a Date and ${describe(p)} (Julia's MethodError): a Date moves by days; make it a DateTime(d) to add hours`);
}

const isInstant = (v: Value): v is JDate | JDateTime => v instanceof JDate || v instanceof JDateTime;

/** `d2 - d1` (a Day; of DateTimes a Millisecond), `d + Day(n)`, `dt + Hour(3)`, `d + Month(1)`, `Day(a) ± Day(b)`, `k * Day(n)`, `p1 / p2`. */
export function dateArith(op: string, a: Value, b: Value): Value {
  const sign = op === '+' ? 1 : op === '-' ? -1 : undefined;
  if (a instanceof JDate && b instanceof JDate && op === '-') return new JPeriod('Day', a.days - b.days);
  if (a instanceof JDateTime && b instanceof JDateTime && op === '-') return new JPeriod('Millisecond', a.ms - b.ms);
  if (isInstant(a) && b instanceof JPeriod && sign !== undefined) return shifted(a, b, sign);
  if (a instanceof JPeriod && isInstant(b) && op === '+') return shifted(b, a, 1);
  if (a instanceof JPeriod && b instanceof JPeriod) {
    if (sign !== undefined && a.unit === b.unit) return new JPeriod(a.unit, a.value + sign * b.value);
    if (sign !== undefined) fail(`Tilde does not add periods of different units (Julia's CompoundPeriod), got ${describe(a)} and ${describe(b)}: add each to the date in turn`);
    if (op === '/') return ratio(a, b);
  }
  if (op === '*' && (a instanceof JPeriod || b instanceof JPeriod)) {
    const [p, k] = a instanceof JPeriod ? [a, b] : [b as JPeriod, a];
    if (typeof k === 'number' && Number.isInteger(k)) return new JPeriod(p.unit, p.value * k);
  }
  return fail(`\`${op}\` is not defined for ${describe(a)} and ${describe(b)}`);
}

/** `Millisecond(…) / Hour(1)`: how many of one period another makes, of fixed periods or of calendar ones. */
function ratio(a: JPeriod, b: JPeriod): number {
  const [x, y] = PERIOD_MS[a.unit] !== undefined && PERIOD_MS[b.unit] !== undefined ? [PERIOD_MS[a.unit]! * a.value, PERIOD_MS[b.unit]! * b.value] : [monthsOf(a), monthsOf(b)];
  if (x === undefined || y === undefined) return fail(`\`/\` is not defined for ${describe(a)} and ${describe(b)}: a month has no fixed number of days`);
  return x / y;
}

/** `-Day(3)`. */
export function negatedPeriod(p: JPeriod): JPeriod {
  return new JPeriod(p.unit, -p.value);
}

/**
 * The number a Date, DateTime or period is ordered and compared by, with the kind of value it may be compared with:
 * Dates with DateTimes (Julia promotes a Date to its midnight), fixed periods with each other (`Hour(24) == Day(1)`),
 * calendar periods with each other in months. Undefined for other values.
 */
export function dateOrder(v: Value): { kind: 'instant' | 'fixed' | 'calendar'; at: number } | undefined {
  if (v instanceof JDate) return { kind: 'instant', at: v.days * MS_PER_DAY };
  if (v instanceof JDateTime) return { kind: 'instant', at: v.ms };
  if (!(v instanceof JPeriod)) return undefined;
  const ms = PERIOD_MS[v.unit];
  return ms === undefined ? { kind: 'calendar', at: monthsOf(v)! } : { kind: 'fixed', at: ms * v.value };
}

/**
 * `range(d1, step = Day(1), length = n)`, `range(d1, d2; step)` and `range(; stop = d2, step, length)` of Dates:
 * `start + k * step`, collected (with a stop and a length, the start is `stop - (n - 1) * step`).
 */
export function dateRangeOf(start: Value | undefined, stop: Value | undefined, length: number | undefined, step: Value | undefined): JArray {
  if (!(step instanceof JPeriod)) return fail(`a range of dates steps by a period, as in \`range(d, step = Day(1), length = 7)\`, got ${step === undefined ? 'no step' : describe(step)}`);
  if (length === undefined) return dateRange(start!, step, stop!);
  const first = start ?? (isInstant(stop!) ? shifted(stop, new JPeriod(step.unit, step.value * (length - 1)), -1) : fail(`a range of dates starts or stops at a Date, got ${describe(stop!)}`));
  if (!isInstant(first)) return fail(`a range of dates starts at a Date, got ${describe(first)}`);
  return JArray.vector(Array.from({ length }, (_, k) => shifted(first, new JPeriod(step.unit, step.value * k), 1)), 'any');
}

/** `d1:Day(1):d2`, `d1:Month(1):d2` and `d1:d2` (a day apart): the Dates `start + k * step` up to `stop`, collected. */
export function dateRange(start: Value, step: Value | undefined, stop: Value): JArray {
  if (!isInstant(start) || !isInstant(stop) || start.constructor !== stop.constructor) return fail(`a range of dates runs from a Date to a Date (or DateTime to DateTime), got ${describe(start)} and ${describe(stop)}`);
  if (step === undefined && start instanceof JDateTime) return fail('a range of DateTimes takes its step, as in `t1:Hour(1):t2`');
  const by = step ?? new JPeriod('Day', 1);
  if (!(by instanceof JPeriod)) return fail(`a range of dates steps by a period, as in \`d1:Day(1):d2\`, got ${describe(by)}`);
  if (by.value === 0) fail('a range step cannot be zero');
  const end = dateOrder(stop)!.at;
  const up = by.value > 0;
  const items: Value[] = [];
  for (let k = 0; ; k++) {
    const t = shifted(start, new JPeriod(by.unit, by.value * k), 1);
    const at = dateOrder(t)!.at;
    if (up ? at > end : at < end) break;
    items.push(t);
  }
  return JArray.vector(items, 'any');
}
