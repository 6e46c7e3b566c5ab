import { describe, expect, it } from 'vitest';
import { JArray, JTuple, type Value } from '../model/index.js';
import { checked, normalLogpdf } from './testing.js';
import { compile } from './index.js';

/** What a script's top-level `lines` give for `expr`, passed to a model as its argument; the script must have no warnings. */
function scriptValue(lines: string, expr: string): unknown {
  const source = `${lines}\n@model function m(r)\n    x ~ Normal()\nend\nmodel = m(${expr})\n`;
  const compiled = compile(source);
  const problems = compiled.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error').map((d) => d.message);
  if (problems.length) throw new Error(problems.join('; '));
  const plain = (v: Value): unknown => (v instanceof JArray ? v.data.map((x) => plain(x!)) : v instanceof JTuple ? v.items.map(plain) : v);
  return plain(compiled.models[0]!.scriptArguments!.get('r')!);
}

const warningOf = (lines: string): string => compile(`${lines}\n@model function m()\n    x ~ Normal()\nend\n`).diagnostics.find((d) => d.severity === 'warning')!.message;

describe("Dates in a script's data preparation, as Julia's Dates documents it", () => {
  it('makes a Date from ISO text, from parts and from text in a format, and prints it as Julia does', () => {
    expect(scriptValue('d = Date("2020-03-01")', '(year(d), month(d), day(d), string(d))')).toEqual([2020, 3, 1, '2020-03-01']);
    expect(scriptValue('d = Date(2020, 3, 1)', '(d == Date("2020-03-01"), string([d]))')).toEqual([true, '[Date("2020-03-01")]']);
    expect(scriptValue('d = Date("01/03/2020", "dd/mm/yyyy")', 'string(d)')).toBe('2020-03-01');
    expect(scriptValue('f = dateformat"dd.mm.yyyy"\nds = Date.(["01.03.2020", "31.12.2019"], f)', 'string(ds)')).toBe('[Date("2020-03-01"), Date("2019-12-31")]');
    expect(scriptValue('d = Date("2020/3/1", DateFormat("yyyy/m/d"))', 'string(d)')).toBe('2020-03-01');
    expect(scriptValue('d = Date("20200301", dateformat"yyyymmdd")', 'string(d)')).toBe('2020-03-01');
  });

  it("counts days as Julia's Rata Die does: Dates.value(Date(1970, 1, 1)) is 719163, and 0001-01-01 is day 1", () => {
    expect(scriptValue('', '(Dates.value(Date(1970, 1, 1)), Dates.value(Date(1, 1, 1)), Dates.value(Date(2000, 2, 29)))')).toEqual([719163, 1, 730179]);
  });

  it('subtracts Dates to a Day, whose value is the days between, across a leap day', () => {
    const dates = 'd1 = Date("2020-02-27")\nd2 = Date("2020-03-01")';
    expect(scriptValue(dates, '(Dates.value(d2 - d1), (d2 - d1).value, string(d2 - d1), string(d1 + Day(3)))')).toEqual([3, 3, '3 days', '2020-03-01']);
    expect(scriptValue('dates = Date.(["2021-01-01", "2020-12-30", "2021-03-01"])', 'Dates.value.(dates .- dates[2])')).toEqual([2, 0, 61]);
    expect(scriptValue('d = Date("2019-03-01")', 'Dates.value(d - Date("2019-02-27"))')).toBe(2);
  });

  it('gives the day of the year and of the week (Monday is 1)', () => {
    expect(scriptValue('d = Date("2020-03-01")', '(dayofyear(d), dayofweek(d), dayofyear(Date("2019-12-31")))')).toEqual([61, 7, 365]);
  });

  it('orders, sorts and compares Dates', () => {
    const dates = 'dates = [Date("2020-05-01"), Date("2019-01-15"), Date("2020-01-01")]';
    expect(scriptValue(dates, '(string(sort(dates)), dates[1] > dates[2], length(unique([dates; dates])))')).toEqual(['[Date("2019-01-15"), Date("2020-01-01"), Date("2020-05-01")]', true, 3]);
    expect(scriptValue(dates, 'string((minimum(dates), maximum(dates), extrema(dates)))')).toBe('(Date("2019-01-15"), Date("2020-05-01"), (Date("2019-01-15"), Date("2020-05-01")))');
    expect(scriptValue(dates, 'Dates.value.(dates .- minimum(dates))')).toEqual([472, 0, 351]);
  });

  it("refuses a month or a day out of range with Julia's ArgumentError", () => {
    expect(warningOf('d = Date(2021, 2, 29)')).toContain('ArgumentError: Day: 29 out of range (1:28)');
    expect(warningOf('d = Date("2021-13-01")')).toContain('ArgumentError: Month: 13 out of range (1:12)');
    expect(warningOf('d = Date("March 1")')).toContain('cannot parse "March 1" as a Date');
  });

  it("adds months and years by Julia's end-of-month rule: the same day, or the month's last where it is shorter", () => {
    expect(scriptValue('', 'string([Date(2020, 1, 31) + Month(1), Date(2019, 1, 31) + Month(1), Date(2020, 3, 31) - Month(1), Date(2020, 12, 15) + Month(2)])')).toBe(
      '[Date("2020-02-29"), Date("2019-02-28"), Date("2020-02-29"), Date("2021-02-15")]',
    );
    expect(scriptValue('', 'string([Date(2020, 2, 29) + Year(1), Date(2020, 1, 31) + Quarter(1), Month(2) + Date(2020, 1, 31), Date(2020, 1, 10) + Week(3)])')).toBe(
      '[Date("2021-02-28"), Date("2020-04-30"), Date("2020-03-31"), Date("2020-01-31")]',
    );
    expect(scriptValue('', 'string(DateTime(2020, 1, 31, 18, 30) + Month(1))')).toBe('2020-02-29T18:30:00');
  });

  it('makes DateTimes from parts and from text in a format, moves them by hours, minutes and seconds, and subtracts them to milliseconds', () => {
    expect(scriptValue('dt = DateTime(2020, 1, 2, 3, 4, 5)', 'string([dt + Hour(3) + Minute(2), dt - Second(6), DateTime(2020, 12, 31, 23) + Hour(2)])')).toBe(
      '[DateTime("2020-01-02T06:06:05"), DateTime("2020-01-02T03:03:59"), DateTime("2021-01-01T01:00:00")]',
    );
    expect(scriptValue('', 'string((DateTime("2020-01-02T03:04:05"), DateTime("2020-01-02T03:04:05.5"), DateTime("2020-01-02"), DateTime("2020-01-02 03:04", "yyyy-mm-dd HH:MM")))')).toBe(
      '(DateTime("2020-01-02T03:04:05"), DateTime("2020-01-02T03:04:05.500"), DateTime("2020-01-02T00:00:00"), DateTime("2020-01-02T03:04:00"))',
    );
    expect(scriptValue('dt = DateTime("02/03/2020 02:30 PM", "dd/mm/yyyy HH:MM p")', '(year(dt), month(dt), day(dt), hour(dt), minute(dt), second(dt))')).toEqual([2020, 3, 2, 14, 30, 0]);
    expect(scriptValue('d = Date("Mar 1 2020", "u d yyyy")\ne = Date("1 December 2021", "d U yyyy")', 'string((d, e))')).toBe('(Date("2020-03-01"), Date("2021-12-01"))');
    // Julia counts a DateTime's milliseconds from day 0 of Rata Die: Date(2000, 1, 1) is day 730120.
    expect(scriptValue('', 'Dates.value(DateTime(2000))')).toBe(730120 * 86_400_000);
    const gap = 'gap = DateTime(2020, 1, 2, 6) - DateTime(2020, 1, 1, 18)';
    expect(scriptValue(gap, '(Dates.value(gap), gap / Hour(1), string(gap), Dates.value(Hour(3)))')).toEqual([12 * 3_600_000, 12, '43200000 milliseconds', 3]);
    expect(scriptValue('', '(Dates.days(Date(2020, 3, 1) - Date(2020, 2, 1)), Dates.days(Week(2)), Dates.days(Hour(47)), Dates.days(Hour(-25)))')).toEqual([29, 14, 1, -1]);
    expect(scriptValue('t = DateTime(2020, 3, 1, 12)', '(Date(t) == Date(2020, 3, 1), Date(2020, 3, 1) == DateTime(2020, 3, 1), Date(2020, 3, 1) < t, Hour(24) == Day(1), hour(Date(2020)))')).toEqual([true, true, true, true, 0]);
  });

  it('converts periods exactly, negates them, and takes parts of a date as periods', () => {
    expect(scriptValue('', 'string((Day(Week(2)), Hour(Day(1)), -Day(3), Day(Date(2020, 3, 17)), Month(Date(2020, 3, 17))))')).toBe('(Day(14), Hour(24), Day(-3), Day(17), Month(3))');
    expect(warningOf('p = Day(Hour(25))')).toContain('InexactError');
    expect(warningOf('p = Date(2020, 1, 1) + Hour(1)')).toContain("a Date moves by days; make it a DateTime(d) to add hours");
  });

  it('gives the first and last day of a month, year, week and quarter, names, ISO weeks and quarters', () => {
    const d = 'd = Date(2020, 2, 13)';
    expect(scriptValue(d, 'string([firstdayofmonth(d), lastdayofmonth(d), firstdayofyear(d), lastdayofyear(d), firstdayofweek(d), lastdayofweek(d), firstdayofquarter(d), lastdayofquarter(d)])')).toBe(
      // 2020-02-13 was a Thursday.
      '[Date("2020-02-01"), Date("2020-02-29"), Date("2020-01-01"), Date("2020-12-31"), Date("2020-02-10"), Date("2020-02-16"), Date("2020-01-01"), Date("2020-03-31")]',
    );
    expect(scriptValue('', 'string(lastdayofmonth(DateTime(2021, 2, 13, 5)))')).toBe('2021-02-28T00:00:00');
    expect(scriptValue(d, '(dayname(d), dayabbr(d), monthname(d), monthabbr(d), quarterofyear(Date(2020, 5, 1)), daysinmonth(d), daysinyear(d), isleapyear(d), isleapyear(1900))')).toEqual(['Thursday', 'Thu', 'February', 'Feb', 2, 29, 366, true, false]);
    // 2021-01-01 was a Friday, in ISO week 53 of 2020; 2021-01-04 the Monday of week 1.
    expect(scriptValue('', '(week(Date(2021, 1, 1)), week(Date(2020, 12, 31)), week(Date(2021, 1, 4)), week(Date(2020, 2, 13)))')).toEqual([53, 53, 1, 7]);
  });

  it("collects ranges of dates: start + k * step up to the stop, a month's step by the end-of-month rule", () => {
    expect(scriptValue('', 'string(collect(Date(2020, 2, 27):Day(1):Date(2020, 3, 1)))')).toBe('[Date("2020-02-27"), Date("2020-02-28"), Date("2020-02-29"), Date("2020-03-01")]');
    expect(scriptValue('', 'string(Date(2020, 1, 31):Month(1):Date(2020, 5, 31))')).toBe('[Date("2020-01-31"), Date("2020-02-29"), Date("2020-03-31"), Date("2020-04-30"), Date("2020-05-31")]');
    expect(scriptValue('r = Date(2020, 1, 1):Day(7):Date(2020, 1, 31)', '(length(r), day.(r), length(Date(2020, 1, 1):Date(2020, 1, 10)), length(Date(2020, 1, 10):Day(-3):Date(2020, 1, 1)))')).toEqual([5, [1, 8, 15, 22, 29], 10, 4]);
    expect(scriptValue('r = DateTime(2020, 1, 1):Hour(6):DateTime(2020, 1, 2)', 'hour.(r)')).toEqual([0, 6, 12, 18, 0]);
  });

  it("refuses today() and now(): the data would change from day to day, and says what to write", () => {
    expect(warningOf('age = Dates.value(today() - Date(2000, 1, 1))')).toMatch(/`today\(\)` is not read: the script's data would change from day to day and a run could not be repeated; write the date, as in `Date\(\d+, \d+, \d+\)`/);
    expect(warningOf('t = now()')).toMatch(/write the date, as in `DateTime\(/);
  });

  it('writes a date in a format with Dates.format, numbers padded to their codes\' widths', () => {
    expect(scriptValue('d = Date(2020, 3, 1)', '(Dates.format(d, "dd/mm/yyyy"), Dates.format(d, "e, d u yy"), Dates.format(d, "U yyyy"))')).toEqual(['01/03/2020', 'Sun, 1 Mar 20', 'March 2020']);
    expect(scriptValue('t = DateTime(2020, 3, 1, 14, 5, 9)', '(Dates.format(t, "yyyy-mm-ddTHH:MM:SS"), Dates.format(t, "I:MM p"))')).toEqual(['2020-03-01T14:05:09', '2:05 PM']);
  });

  it("counts events by day as a pasted script does: dates read with a day name's format, a countmap sorted by date", () => {
    const lines = 'events = ["1 January 2016", "3 January 2016", "3 January 2016", "7 February 2016"]\nstamps = Date.(events, "d U y")\ncount = sort(countmap(stamps))';
    // Day 0 is 2016-01-01; 3 January is day 2, 7 February day 37.
    expect(scriptValue(lines, '(Dates.value.([keys(count)...] .- Date(2016, 1, 1)), [values(count)...])')).toEqual([[0, 2, 37], [1, 2, 1]]);
    expect(scriptValue('', 'Dates.value.(Millisecond.([Second(2), Minute(1)]))')).toEqual([2000, 60_000]);
  });

  it('gives the parts of a date as tuples, makes ranges of dates with range(…; step, length), and types vectors of Dates', () => {
    expect(scriptValue('', 'yearmonth.(Date(2020, 1, 31):Month(1):Date(2020, 3, 31))')).toEqual([[2020, 1], [2020, 2], [2020, 3]]);
    expect(scriptValue('d = Date(2020, 2, 29)', '(monthday(d), yearmonthday(d))')).toEqual([[2, 29], [2020, 2, 29]]);
    expect(scriptValue('r = range(DateTime(2020, 1, 1), step = Hour(6), length = 5)', 'hour.(r)')).toEqual([0, 6, 12, 18, 0]);
    expect(scriptValue('', 'string(range(Date(2020, 1, 31), step = Month(1), length = 3))')).toBe('[Date("2020-01-31"), Date("2020-02-29"), Date("2020-03-31")]');
    expect(scriptValue('', 'day.(range(stop = Date(2020, 3, 1), step = Day(1), length = 3))')).toEqual([28, 29, 1]);
    const typed = 'dates = Date[]\nfor d in Date(2020, 1, 1):Day(2):Date(2020, 1, 5)\n    push!(dates, d)\nend';
    expect(scriptValue(typed, '(day.(dates), dates[1] isa Date, dates[1] isa DateTime, Day(1) isa Day)')).toEqual([[1, 3, 5], true, false, true]);
    expect(scriptValue('v = Vector{Date}()\npush!(v, Date(2020, 1, 1))\nd = Dict{Date, Int}()\nd[v[1]] = 3', '(d[Date(2020, 1, 1)], string(typeof(d)))')).toEqual([3, 'Dict{Date, Int64}']);
  });

  it("rounds dates and times to periods from Julia's rounding epoch, as its manual's examples do", () => {
    const d = 'd = Date(1985, 8, 16)';
    expect(scriptValue(d, 'string((floor(d, Month), ceil(d, Month), round(d, Month), floor(d, Week), floor(d, Year)))')).toBe(
      '(Date("1985-08-01"), Date("1985-09-01"), Date("1985-08-01"), Date("1985-08-12"), Date("1985-01-01"))',
    );
    const t = 't = DateTime(2013, 2, 13, 0, 31, 20)';
    expect(scriptValue(t, 'string((floor(t, Minute(15)), ceil(t, Minute(15)), round(t, Hour), trunc(t, Hour)))')).toBe(
      '(DateTime("2013-02-13T00:30:00"), DateTime("2013-02-13T00:45:00"), DateTime("2013-02-13T01:00:00"), DateTime("2013-02-13T00:00:00"))',
    );
    // A tie goes up.
    expect(scriptValue('', 'string(round(DateTime(2016, 8, 6, 12), Day))')).toBe('2016-08-07T00:00:00');
    expect(scriptValue('', 'string(floor.([Date(2020, 1, 31), Date(2020, 2, 3)], Month))')).toBe('[Date("2020-01-01"), Date("2020-02-01")]');
    expect(warningOf('x = floor(Date(2020, 1, 1), Hour)')).toContain('make it a DateTime(d) first');
  });

  it('converts Unix time', () => {
    expect(scriptValue('', '(string(unix2datetime(0)), string(unix2datetime(86400.5)), datetime2unix(DateTime(1970, 1, 2)))')).toEqual(['1970-01-01T00:00:00', '1970-01-02T00:00:00.500', 86400]);
  });

  it('gives a model the days since the first observation, from a CSV column of dates', () => {
    const source = `using Turing, CSV, DataFrames, Dates
df = CSV.read("cases.csv", DataFrame)
dates = Date.(df.date)
t = Dates.value.(dates .- dates[1])
@model function trend(t, y)
    β ~ Normal(0, 1)
    for i in eachindex(y)
        y[i] ~ Normal(β * t[i], 1)
    end
end
model = trend(t, df.y)
`;
    const csv = 'date,y\n2020-02-28,0.1\n2020-03-01,0.3\n2020-03-05,0.9\n';
    const outcome = checked({ source, data: { text: csv, format: 'csv' }, params: { β: 0.2 } });
    // `using Dates` loads what is here: no warning that its data comes from elsewhere.
    expect(outcome.warnings.filter((w) => w.severity !== 'info')).toEqual([]);
    // CSV.jl reads a column of ISO dates as Dates: the script may subtract them as read.
    const asRead = checked({ source: source.replace('dates = Date.(df.date)', 'dates = df.date'), data: { text: csv, format: 'csv' }, params: { β: 0.2 } });
    expect(asRead.value.loglikelihood).toBe(outcome.value.loglikelihood);
    expect(outcome.value.loglikelihood).toBeCloseTo(normalLogpdf(0.1, 0, 1) + normalLogpdf(0.3, 0.2 * 2, 1) + normalLogpdf(0.9, 0.2 * 6, 1), 12);
  });
});
