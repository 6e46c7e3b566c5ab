/**
 * Dates' `Date` and `Day`, as far as a pasted script's data preparation uses them (`Date("2020-03-01")`,
 * `Dates.value(d - first(dates))` for a day count). A Date is its day number as Julia counts it (Rata Die:
 * 0001-01-01 is day 1), which is what `Dates.value(d)` gives.
 */
export class JDate {
  constructor(readonly days: number) {}

  /** The proleptic Gregorian date of a day number (Hinnant's civil_from_days, shifted from 1970 to Rata Die). */
  get civil(): { year: number; month: number; day: number } {
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
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    return `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  }
}

/** `Dates.value(Date(1970, 1, 1))`. */
const RATA_DIE_1970 = 719163;

/** `Day(n)`, the period two Dates differ by: `(d2 - d1).value` and `Dates.value(d2 - d1)` are n. */
export class JDay {
  constructor(readonly value: number) {}

  /** As Julia prints it: `3 days`, `1 day`. */
  toString(): string {
    return `${this.value} day${Math.abs(this.value) === 1 ? '' : 's'}`;
  }
}
