import { JArray, JDate, JDateTime, JFunction, JNamedTuple, JPeriod, JTuple, MS_PER_DAY, PERIOD_MS, PERIOD_UNITS, describe, type Civil, type PeriodUnit, type Value } from '../../model/index.js';
import { dateOf, dateOrder, dateTimeOf, daysInMonth, isLeap } from '../runtime/dates.js';
import { formatDate, parseDate, parseDateTime } from '../runtime/date-text.js';
import { fail } from '../runtime/errors.js';
import { toInt } from '../runtime/convert.js';
import { allowKwargs, arg, arity, builtin, single, type Builtin } from './define.js';

/**
 * The functions of Dates a pasted script prepares its data with: a Date or DateTime from text or parts, the periods
 * (`Day(n)`, `Month(n)`, `Hour(n)`…), the parts of a date, the first and last day of its month, and `Dates.value`,
 * the number a Date, DateTime or period holds (`Dates.value(d2 - d1)` is a day count).
 */

type Instant = JDate | JDateTime;

const instantArg = (name: string, v: Value): Instant => (v instanceof JDate || v instanceof JDateTime ? v : fail(`${name} takes a Date or a DateTime, got ${describe(v)}`));
const dayOf = (t: Instant): JDate => (t instanceof JDate ? t : t.date);

/** A part of a Date or DateTime: `year(d)`, `month(d)`, `dayofyear(d)`… */
const part = (name: string, of: (d: JDate, civil: Civil) => number | string): Builtin =>
  single(`${name}(d)`, (d) => {
    const day = dayOf(instantArg(name, d));
    return of(day, day.civil);
  });

/** A part of a DateTime's time of day; a Date's is 0, as Julia's `hour(Date(…))` is. */
const clockPart = (name: 'hour' | 'minute' | 'second' | 'millisecond'): Builtin =>
  single(`${name}(dt)`, (t) => {
    const v = instantArg(name, t);
    return v instanceof JDate ? 0 : v.clock[name];
  });

/** A day the date falls back or forward to (`firstdayofmonth`): a Date, or the DateTime of its midnight, as Julia gives it. */
const adjuster = (name: string, to: (d: JDate, civil: Civil) => JDate): Builtin =>
  single(`${name}(d)`, (d) => {
    const t = instantArg(name, d);
    const day = dayOf(t);
    const moved = to(day, day.civil);
    return t instanceof JDate ? moved : new JDateTime(moved.days * MS_PER_DAY);
  });

/** `yearmonth(d)`: the parts of the date as a tuple, as Julia gives them (to group by month: `groupby` on `yearmonth.(df.date)`). */
function civilTuple(name: string, d: Value, parts: (keyof Civil)[]): JTuple {
  const civil = dayOf(instantArg(name, d)).civil;
  return new JTuple(parts.map((p) => civil[p]));
}

const dayOfWeek = (d: JDate): number => ((((d.days - 1) % 7) + 7) % 7) + 1;
const dayOfYear = (d: JDate, { year }: Civil): number => d.days - JDate.of(year, 1, 1).days + 1;
const quarterOf = ({ month }: Civil): number => Math.ceil(month / 3);

/** ISO 8601's week number, as Julia's `week(d)`: the week of its Thursday, counted from that year's first. */
function isoWeek(d: JDate): number {
  const thursday = new JDate(d.days - dayOfWeek(d) + 4);
  return Math.floor((dayOfYear(thursday, thursday.civil) - 1) / 7) + 1;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * `Day(3)`; `Day(d)` of a Date is its day of the month as a period (`Month(d)`, `Hour(dt)` alike); `Day(Week(2))` a
 * fixed period in another unit, when it is a whole number of them (else Julia's InexactError).
 */
function period(unit: PeriodUnit): Builtin {
  return single(`${unit}(n)`, (n) => {
    if (n instanceof JDate || n instanceof JDateTime) {
      const of = unit === 'Year' || unit === 'Month' || unit === 'Day' ? dayOf(n).civil[unit.toLowerCase() as keyof Civil] : unit === 'Hour' || unit === 'Minute' || unit === 'Second' || unit === 'Millisecond' ? (n instanceof JDate ? 0 : n.clock[unit.toLowerCase() as 'hour']) : undefined;
      return of === undefined ? fail(`${unit} of a date is not read here: write \`${unit}(n)\``) : new JPeriod(unit, of);
    }
    if (n instanceof JPeriod) {
      const [from, to] = [PERIOD_MS[n.unit], PERIOD_MS[unit]];
      const count = from === undefined || to === undefined ? undefined : (n.value * from) / to;
      if (count === undefined || !Number.isInteger(count)) return fail(`InexactError: ${describe(n)} is not a whole number of ${unit.toLowerCase()}s`);
      return new JPeriod(unit, count);
    }
    return new JPeriod(unit, toInt(n, `${unit}(n): n`));
  });
}

/** `Dates.value(p)`: the number a period, a Date (its Rata Die day) or a DateTime (its milliseconds) holds. */
function valueOf(v: Value): number {
  if (v instanceof JPeriod) return v.value;
  if (v instanceof JDate) return v.days;
  if (v instanceof JDateTime) return v.ms;
  return fail(`Dates.value takes a Date, a DateTime or a period such as \`d2 - d1\`, got ${describe(v)}`);
}

/** What a Date or DateTime is made from: its text in a format, or its parts as whole numbers. */
function madeFrom(kind: 'Date' | 'DateTime', args: Value[], parse: (text: string, format?: string) => Instant, fromParts: (parts: number[]) => Instant): Instant {
  const first = arg(args, 0);
  if (typeof first === 'string') {
    const format = args[1];
    if (args.length > 2 || (format !== undefined && typeof format !== 'string')) fail(`${kind} of a string takes a format string, as in \`${kind}("01/03/2020", "dd/mm/yyyy")\`, got ${describe(format!)}`);
    return parse(first, format);
  }
  const names = ['the year', 'the month', 'the day', 'the hour', 'the minute', 'the second', 'the millisecond'];
  return fromParts(args.map((a, k) => toInt(a, `${kind}: ${names[k]}`)));
}

/** What `today()` and `now()` would give: a script's data would then change from day to day, and a run could not be repeated. */
function refusedClock(name: 'today' | 'now'): Builtin {
  return builtin(`${name}()`, () => {
    const t = new Date();
    const date = `${t.getFullYear()}, ${t.getMonth() + 1}, ${t.getDate()}`;
    const written = name === 'today' ? `Date(${date})` : `DateTime(${date}, ${t.getHours()}, ${t.getMinutes()})`;
    return fail(`\`${name}()\` is not read: the script's data would change from day to day and a run could not be repeated; write the date, as in \`${written}\``);
  });
}

const UNIX_EPOCH_MS = 719163 * MS_PER_DAY;

export const dateBuiltins: Builtin[] = [
  builtin('Date(text) / Date(text, format) / Date(y, m, d) / Date(dt)', (args, kwargs) => {
    arity('Date', args, 1, 3);
    allowKwargs('Date', kwargs);
    const first = arg(args, 0);
    if ((first instanceof JDate || first instanceof JDateTime) && args.length === 1) return dayOf(first);
    return madeFrom('Date', args, parseDate, ([y, m = 1, d = 1]) => dateOf(y!, m, d));
  }),
  builtin('DateTime(text) / DateTime(text, format) / DateTime(y, m, d, h, mi, s, ms) / DateTime(d)', (args, kwargs) => {
    arity('DateTime', args, 1, 7);
    allowKwargs('DateTime', kwargs);
    const first = arg(args, 0);
    if (first instanceof JDateTime && args.length === 1) return first;
    if (first instanceof JDate && args.length === 1) return new JDateTime(first.days * MS_PER_DAY);
    return madeFrom('DateTime', args, parseDateTime, ([y, m = 1, d = 1, ...time]) => dateTimeOf(y!, m, d, ...time));
  }),
  // `DateFormat("dd/mm/yyyy")` is its text, as `dateformat"…"` is: what `Date(s, format)` reads.
  single('DateFormat(format)', (f) => (typeof f === 'string' ? f : fail(`DateFormat takes a string, got ${describe(f)}`))),
  ...PERIOD_UNITS.map(period),
  part('year', (_, c) => c.year),
  part('month', (_, c) => c.month),
  part('day', (_, c) => c.day),
  part('dayofmonth', (_, c) => c.day),
  clockPart('hour'),
  clockPart('minute'),
  clockPart('second'),
  clockPart('millisecond'),
  part('dayofyear', dayOfYear),
  // Monday is 1, as in Julia; day 1 of Rata Die (0001-01-01) was a Monday.
  part('dayofweek', dayOfWeek),
  part('week', isoWeek),
  part('quarterofyear', (_, c) => quarterOf(c)),
  part('daysinmonth', (_, c) => daysInMonth(c.year, c.month)),
  part('daysinyear', (_, c) => (isLeap(c.year) ? 366 : 365)),
  single('yearmonth(d)', (d) => civilTuple('yearmonth', d, ['year', 'month'])),
  single('monthday(d)', (d) => civilTuple('monthday', d, ['month', 'day'])),
  single('yearmonthday(d)', (d) => civilTuple('yearmonthday', d, ['year', 'month', 'day'])),
  part('dayname', (d) => DAY_NAMES[dayOfWeek(d) - 1]!),
  part('dayabbr', (d) => DAY_NAMES[dayOfWeek(d) - 1]!.slice(0, 3)),
  part('monthname', (_, c) => MONTH_NAMES[c.month - 1]!),
  part('monthabbr', (_, c) => MONTH_NAMES[c.month - 1]!.slice(0, 3)),
  single('isleapyear(d)', (d) => isLeap(typeof d === 'number' ? d : dayOf(instantArg('isleapyear', d)).civil.year)),
  adjuster('firstdayofmonth', (_, c) => JDate.of(c.year, c.month, 1)),
  adjuster('lastdayofmonth', (_, c) => JDate.of(c.year, c.month, daysInMonth(c.year, c.month))),
  adjuster('firstdayofyear', (_, c) => JDate.of(c.year, 1, 1)),
  adjuster('lastdayofyear', (_, c) => JDate.of(c.year, 12, 31)),
  adjuster('firstdayofweek', (d) => new JDate(d.days - dayOfWeek(d) + 1)),
  adjuster('lastdayofweek', (d) => new JDate(d.days - dayOfWeek(d) + 7)),
  adjuster('firstdayofquarter', (_, c) => JDate.of(c.year, 3 * quarterOf(c) - 2, 1)),
  adjuster('lastdayofquarter', (_, c) => JDate.of(c.year, 3 * quarterOf(c), daysInMonth(c.year, 3 * quarterOf(c)))),
  refusedClock('today'),
  refusedClock('now'),
  // Seconds since 1970-01-01T00:00:00, to the millisecond, as Julia rounds them.
  single('unix2datetime(x)', (x) => new JDateTime(UNIX_EPOCH_MS + Math.round(toNumber('unix2datetime', x) * 1000))),
  single('datetime2unix(dt)', (dt) => (dt instanceof JDateTime ? (dt.ms - UNIX_EPOCH_MS) / 1000 : fail(`datetime2unix takes a DateTime, got ${describe(dt)}`))),
];

function toNumber(name: string, x: Value): number {
  return typeof x === 'number' ? x : fail(`${name} takes a number, got ${describe(x)}`);
}

/** The Dates or DateTimes of a vector of them (`df.date` after `Date.(…)`), else undefined. */
export function datesIn(v: Value | undefined): Instant[] | undefined {
  if (!(v instanceof JArray) || v.length === 0) return undefined;
  const kind = v.data[0]?.constructor;
  if (kind !== JDate && kind !== JDateTime) return undefined;
  return v.data.every((x) => x instanceof kind) ? (v.data as Instant[]) : undefined;
}

const at = (t: Instant): number => dateOrder(t)!.at;
const earliest = (dates: readonly Instant[]): Instant => dates.reduce((a, b) => (at(b) < at(a) ? b : a));
const latest = (dates: readonly Instant[]): Instant => dates.reduce((a, b) => (at(b) > at(a) ? b : a));

/** The methods on a vector of Dates of reductions that otherwise take numbers: `minimum(df.date)` starts a day count. */
export const dateMethods: ReadonlyMap<string, (dates: readonly Instant[]) => Value> = new Map<string, (dates: readonly Instant[]) => Value>([
  ['minimum', earliest],
  ['maximum', latest],
  ['extrema', (dates: readonly Instant[]) => new JTuple([earliest(dates), latest(dates)])],
]);

/** Functions Dates does not export, which scripts write qualified: `Dates.value(p)`, `Dates.format(d, "yyyy-mm-dd")`. */
const qualified: [string, Value][] = [
  ['value', new JFunction('Dates.value', (args, kwargs) => {
    arity('Dates.value', args, 1);
    allowKwargs('Dates.value', kwargs);
    return valueOf(arg(args, 0));
  })],
  // `Dates.days(d2 - d1)`: the whole days of a fixed period, as Julia's `div` gives them.
  ['days', new JFunction('Dates.days', (args, kwargs) => {
    arity('Dates.days', args, 1);
    allowKwargs('Dates.days', kwargs);
    const p = arg(args, 0);
    const ms = p instanceof JPeriod ? PERIOD_MS[p.unit] : undefined;
    if (!(p instanceof JPeriod) || ms === undefined) return fail(`Dates.days takes a fixed period such as \`d2 - d1\` or \`Hour(48)\`, got ${describe(p)}`);
    return Math.trunc((p.value * ms) / MS_PER_DAY);
  })],
  ['format', new JFunction('Dates.format', (args, kwargs) => {
    arity('Dates.format', args, 2);
    allowKwargs('Dates.format', kwargs);
    const format = arg(args, 1);
    return formatDate(instantArg('Dates.format', arg(args, 0)), typeof format === 'string' ? format : fail(`Dates.format takes a format string, as in \`Dates.format(d, "yyyy-mm-dd")\`, got ${describe(format)}`));
  })],
];

/** `Dates.value`, `Dates.Date`, …: the module's names qualified, as scripts that do not `using Dates` write them. */
export function datesModule(functions: ReadonlyMap<string, JFunction>): [string, Value] {
  const own = dateBuiltins.map((b): [string, Value] => [b.name, functions.get(b.name)!]);
  return ['Dates', new JNamedTuple(new Map([...own, ...qualified]))];
}
