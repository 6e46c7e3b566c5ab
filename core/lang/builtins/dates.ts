import { JArray, JDate, JDay, JFunction, JNamedTuple, JTuple, describe, type Value } from '../../model/index.js';
import { dateOf, parseDate } from '../runtime/dates.js';
import { fail } from '../runtime/errors.js';
import { toInt } from '../runtime/convert.js';
import { allowKwargs, arg, arity, builtin, single, type Builtin } from './define.js';

/**
 * The few functions of Dates a pasted script prepares its data with: a Date from text or parts, `Day(n)`, the
 * parts of a Date, and `Dates.value`, the day count of a Day (`Dates.value(d2 - d1)`) or of a Date (Rata Die).
 */

const dateArg = (name: string, v: Value): JDate => (v instanceof JDate ? v : fail(`${name} takes a Date, got ${describe(v)}`));

/** A part of a Date: `year(d)`, `month(d)`, `dayofyear(d)`… */
const part = (name: string, of: (d: JDate) => number): Builtin => single(`${name}(d)`, (d) => of(dateArg(name, d)));

/** `Dates.value(p)`: the number a Day or a Date holds. */
function valueOf(v: Value): number {
  if (v instanceof JDay) return v.value;
  if (v instanceof JDate) return v.days;
  return fail(`Dates.value takes a Date or a period such as \`d2 - d1\`, got ${describe(v)}`);
}

export const dateBuiltins: Builtin[] = [
  builtin('Date(text) / Date(text, format) / Date(y, m, d)', (args, kwargs) => {
    arity('Date', args, 1, 3);
    allowKwargs('Date', kwargs);
    const first = arg(args, 0);
    if (typeof first === 'string') {
      const format = args[1];
      if (args.length === 3 || (format !== undefined && typeof format !== 'string')) fail(`Date of a string takes a format string, as in \`Date("01/03/2020", "dd/mm/yyyy")\`, got ${describe(format!)}`);
      return parseDate(first, format);
    }
    if (first instanceof JDate && args.length === 1) return first;
    const [y, m = 1, d = 1] = args.map((a, k) => toInt(a, `Date: ${['the year', 'the month', 'the day'][k]}`));
    return dateOf(y!, m, d);
  }),
  // `DateFormat("dd/mm/yyyy")` is its text, as `dateformat"…"` is: what `Date(s, format)` reads.
  single('DateFormat(format)', (f) => (typeof f === 'string' ? f : fail(`DateFormat takes a string, got ${describe(f)}`))),
  single('Day(n)', (n) => new JDay(toInt(n, 'Day(n): n'))),
  part('year', (d) => d.civil.year),
  part('month', (d) => d.civil.month),
  part('day', (d) => d.civil.day),
  part('dayofyear', (d) => d.days - dateOf(d.civil.year, 1, 1).days + 1),
  // Monday is 1, as in Julia; day 1 of Rata Die (0001-01-01) was a Monday.
  part('dayofweek', (d) => ((((d.days - 1) % 7) + 7) % 7) + 1),
];

/** The Dates of a vector of them (`df.date` after `Date.(…)`), else undefined. */
export function datesIn(v: Value | undefined): JDate[] | undefined {
  if (!(v instanceof JArray) || v.length === 0 || !v.data.every((x) => x instanceof JDate)) return undefined;
  return v.data as JDate[];
}

const earliest = (dates: readonly JDate[]): JDate => dates.reduce((a, b) => (b.days < a.days ? b : a));
const latest = (dates: readonly JDate[]): JDate => dates.reduce((a, b) => (b.days > a.days ? b : a));

/** The methods on a vector of Dates of reductions that otherwise take numbers: `minimum(df.date)` starts a day count. */
export const dateMethods: ReadonlyMap<string, (dates: readonly JDate[]) => Value> = new Map<string, (dates: readonly JDate[]) => Value>([
  ['minimum', earliest],
  ['maximum', latest],
  ['extrema', (dates: readonly JDate[]) => new JTuple([earliest(dates), latest(dates)])],
]);

/** `Dates.value`, `Dates.Date`, …: the module's names qualified, as scripts that do not `using Dates` write them. */
export function datesModule(functions: ReadonlyMap<string, JFunction>): [string, Value] {
  const own = ['Date', 'DateFormat', 'Day', 'year', 'month', 'day', 'dayofyear', 'dayofweek'].map((name): [string, Value] => [name, functions.get(name)!]);
  return ['Dates', new JNamedTuple(new Map([...own, ['value', new JFunction('Dates.value', (args, kwargs) => {
    arity('Dates.value', args, 1);
    allowKwargs('Dates.value', kwargs);
    return valueOf(arg(args, 0));
  })]]))];
}
