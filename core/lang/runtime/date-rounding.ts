import { JDate, JDateTime, JPeriod, MS_PER_DAY, PERIOD_MS, describe } from '../../model/index.js';
import { dateOrder, monthsLater, monthsOf } from './dates.js';
import { fail } from './errors.js';

/**
 * `floor(dt, Hour)`, `floor(d, Month)`, `ceil(d, Week)`, `round(dt, Minute(15))`: a date or time moved to a whole number
 * of periods from Julia's rounding epoch, 0000-01-01T00:00 (weeks from its first Monday, 0000-01-03); `round` takes
 * the nearer, a tie upward, as Dates' default RoundNearestTiesUp does.
 */
export function roundedDate(how: 'floor' | 'ceil' | 'round', t: JDate | JDateTime, p: JPeriod): JDate | JDateTime {
  if (p.value <= 0) return fail(`${how} to a period takes a positive one, got ${describe(p)}`);
  const months = monthsOf(p);
  if (months !== undefined) {
    const { year, month } = (t instanceof JDate ? t : t.date).civil;
    const down = Math.floor((year * 12 + month - 1) / months) * months;
    const lower = JDate.of(Math.floor(down / 12), (down % 12) + 1, 1);
    const upper = monthsLater(lower, months);
    return pick(how, t, t instanceof JDate ? lower : new JDateTime(lower.days * MS_PER_DAY), t instanceof JDate ? upper : new JDateTime(upper.days * MS_PER_DAY));
  }
  const step = PERIOD_MS[p.unit]! * p.value;
  const epoch = (p.unit === 'Week' ? JDate.of(0, 1, 3) : JDate.of(0, 1, 1)).days * MS_PER_DAY;
  const at = t instanceof JDate ? t.days * MS_PER_DAY : t.ms;
  if (t instanceof JDate && step % MS_PER_DAY !== 0) return fail(`${how} of a Date takes days, weeks, months or years, got ${describe(p)}: make it a DateTime(d) first`);
  const lowerMs = epoch + Math.floor((at - epoch) / step) * step;
  const make = (ms: number): JDate | JDateTime => (t instanceof JDate ? new JDate(ms / MS_PER_DAY) : new JDateTime(ms));
  return pick(how, t, make(lowerMs), make(lowerMs + step));
}

function pick(how: 'floor' | 'ceil' | 'round', t: JDate | JDateTime, lower: JDate | JDateTime, upper: JDate | JDateTime): JDate | JDateTime {
  const [x, lo, hi] = [t, lower, upper].map((v) => dateOrder(v)!.at) as [number, number, number];
  if (how === 'floor' || x === lo) return lower;
  if (how === 'ceil') return upper;
  return x - lo < hi - x ? lower : upper;
}
