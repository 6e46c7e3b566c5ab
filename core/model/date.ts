/**
 * Dates' `Date`, `DateTime` and periods (`Day`, `Month`, `Hour`…), as far as a pasted script's data preparation uses
 * them (`Date("2020-03-01")`, `Dates.value(d - first(dates))` for a day count). A Date is its day number as Julia
 * counts it (Rata Die: 0001-01-01 is day 1), which is what `Dates.value(d)` gives; a DateTime its milliseconds from
 * the start of day 0, as Julia's `Dates.value(dt)` gives them.
 */
export class JDate {
  constructor(readonly days: number) {}

  /** The proleptic Gregorian date of a day number (Hinnant's civil_from_days, shifted from 1970 to Rata Die). */
  get civil(): Civil {
    const z = this.days - RATA_DIE_1970 + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
  }

  static of(year: number, month: number, day: number): JDate {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return new JDate(era * 146097 + doe - 719468 + RATA_DIE_1970);
  }

  /** As Julia prints it: `2020-03-01`. */
  toString(): string {
    const { year, month, day } = this.civil;
    return `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  }
}

export interface Civil {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `Dates.value(Date(1970, 1, 1))`. */
const RATA_DIE_1970 = 719163;

export const MS_PER_DAY = 86_400_000;

/** Julia's `DateTime`: a Date and a time of day to the millisecond. */
export class JDateTime {
  constructor(readonly ms: number) {}

  get date(): JDate {
    return new JDate(Math.floor(this.ms / MS_PER_DAY));
  }

  /** The time of day: hours, minutes, seconds and milliseconds. */
  get clock(): { hour: number; minute: number; second: number; millisecond: number } {
    const t = this.ms - this.date.days * MS_PER_DAY;
    return { hour: Math.floor(t / 3_600_000), minute: Math.floor(t / 60_000) % 60, second: Math.floor(t / 1000) % 60, millisecond: t % 1000 };
  }

  /** As Julia prints it: `2020-03-01T09:30:00`, with `.250` when there are milliseconds. */
  toString(): string {
    const { hour, minute, second, millisecond } = this.clock;
    return `${this.date.toString()}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}${millisecond ? `.${pad(millisecond, 3)}` : ''}`;
  }
}

/** Dates' period types; Year, Quarter and Month are calendar periods, the others a fixed number of milliseconds. */
export type PeriodUnit = 'Year' | 'Quarter' | 'Month' | 'Week' | 'Day' | 'Hour' | 'Minute' | 'Second' | 'Millisecond';

export const PERIOD_UNITS: readonly PeriodUnit[] = ['Year', 'Quarter', 'Month', 'Week', 'Day', 'Hour', 'Minute', 'Second', 'Millisecond'];

/** Milliseconds in one of each fixed period; undefined for calendar periods, whose length varies. */
export const PERIOD_MS: Readonly<Partial<Record<PeriodUnit, number>>> = { Week: 7 * MS_PER_DAY, Day: MS_PER_DAY, Hour: 3_600_000, Minute: 60_000, Second: 1000, Millisecond: 1 };

/** `Day(3)`, `Month(1)`…: a whole number of one unit; `d2 - d1` of Dates is a Day, of DateTimes a Millisecond. */
export class JPeriod {
  constructor(
    readonly unit: PeriodUnit,
    readonly value: number,
  ) {}

  /** As Julia prints it: `3 days`, `1 month`. */
  toString(): string {
    return `${this.value} ${this.unit.toLowerCase()}${Math.abs(this.value) === 1 ? '' : 's'}`;
  }
}
