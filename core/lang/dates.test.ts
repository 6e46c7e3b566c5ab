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
