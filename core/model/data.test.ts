import { describe, expect, it } from 'vitest';
import { dataFromCsv, dataFromJson, JArray, JDate, JDateTime, MISSING, tableFromCsv, type Value } from './index.js';

const eltypes = (data: Map<string, Value>): Record<string, string> => Object.fromEntries([...data].map(([k, v]) => [k, v instanceof JArray ? v.eltype : typeof v]));

describe('data element types, as Julia reads what the user wrote', () => {
  it('JSON: numbers written as floats make a Float64 array, whole numbers an Int one', () => {
    const data = dataFromJson('{"x": [1.0, 2.0], "n": [1, 2], "e": [1, 2e3], "neg": [-1.0, 3], "X": [[1, 2.5], [3, 4]], "a.5": [1, 2]}');
    expect(eltypes(data)).toEqual({ x: 'float', n: 'int', e: 'float', neg: 'float', X: 'float', 'a.5': 'int' });
    expect((data.get('x') as JArray).data).toEqual([1, 2]);
  });

  it('CSV: a column with a cell written as a float is Float64 throughout, matrix columns included', () => {
    const data = dataFromCsv('x,n,X.1,X.2\n1.0,1,1,0.5\n2,2,3,4\n');
    expect(eltypes(data)).toEqual({ x: 'float', n: 'int', X: 'float' });
  });
});

describe('nested JSON data', () => {
  it("rows of unequal length are a vector of vectors, Julia's Vector{Vector}, each of its own element type; equal rows a matrix", () => {
    const data = dataFromJson('{"y": [[1.0, 2.0], [3, 4, 5]], "n": [[1], [2, null]], "X": [[1, 2], [3, 4]]}');
    const y = data.get('y') as JArray;
    expect(y.shape).toEqual([2]);
    expect(y.data.map((row) => [(row as JArray).shape, (row as JArray).data, (row as JArray).eltype])).toEqual([
      [[2], [1, 2], 'float'],
      [[3], [3, 4, 5], 'float'],
    ]);
    expect(((data.get('n') as JArray).data[1] as JArray).data).toEqual([2, MISSING]);
    expect((data.get('X') as JArray).shape).toEqual([2, 2]);
  });
});

describe('data that is not valid JSON says where, in the data', () => {
  const problem = (text: string): string => {
    try {
      dataFromJson(text);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected the data to be refused');
  };

  it("NaN and Infinity (Python's json.dumps writes them) are named, with null to write for a missing value", () => {
    expect(problem('{"x": [1.5,\n  NaN, 2.0]}')).toBe('the data is not valid JSON: `NaN` at line 2, column 3 is not a JSON value (JSON has no NaN or Infinity): write null for a missing value');
    expect(problem('{"x": [-Infinity], "NaN": 1}')).toMatch(/^the data is not valid JSON: `Infinity` at line 1, column 9 /);
  });

  it('typographic quotes (“y”, from a word processor or a chat) are named, with the straight quote to write', () => {
    expect(problem('{“y”: 0.5}')).toBe('the data is not valid JSON: `“` at line 1, column 2 is a typographic quote: JSON\'s strings take straight double quotes, `"`');
    // Inside a string they are the string's own characters, and the error is then about the string.
    expect(problem('{"y": "“quoted”"}')).toBe('data `y` is the string "“quoted”"; the model needs numbers (use null for missing)');
  });

  it("another syntax error gives the parser's reason at a line and column, not an offset", () => {
    expect(problem('{"x": [1.5, 2.0],\n}')).toBe('the data is not valid JSON at line 2, column 1: Expected double-quoted property name');
    // V8 gives no position for an unexpected token, and quotes the whole text: found here instead.
    expect(problem('{"y": [1, 2,\n  , 3]}')).toBe('the data is not valid JSON at line 2, column 3: unexpected `,`');
    expect(problem('{"y": [1, 2], "z": x}')).toBe('the data is not valid JSON at line 1, column 20: unexpected `x`');
  });

  it('a JSON object where a number belongs is called that', () => {
    expect(problem('{"x": {"a": 1.5}}')).toBe('data `x` is a JSON object; the model needs numbers');
  });
});

describe("a script's CSV table, as CSV.jl reads it", () => {
  it('reads a column of ISO dates as Dates (missing cells kept), and keeps one with a day that does not exist as text', () => {
    const table = tableFromCsv('date,bad,y\n2020-02-28,2021-02-28,1\n,2021-02-30,2\n2020-03-01,2021-03-01,3\n');
    const dates = table.columns.get('date')!.data;
    expect(dates.map((d) => (d instanceof JDate ? d.toString() : d))).toEqual(['2020-02-28', MISSING, '2020-03-01']);
    expect((dates[2] as JDate).days - (dates[0] as JDate).days).toBe(2);
    expect(table.columns.get('bad')!.data).toEqual(['2021-02-28', '2021-02-30', '2021-03-01']);
  });

  it('reads a column of ISO dates and times as DateTimes, and keeps one that mixes them with dates as text', () => {
    const table = tableFromCsv('t,mixed\n2020-02-28T23:30:00,2020-02-28\n2020-02-29T00:15:30.25,2020-02-29T00:00:00\n');
    const times = table.columns.get('t')!.data as JDateTime[];
    expect(times.map(String)).toEqual(['2020-02-28T23:30:00', '2020-02-29T00:15:30.250']);
    // 45 minutes, 30 seconds and a quarter of one apart.
    expect(times[1]!.ms - times[0]!.ms).toBe(((45 * 60) + 30) * 1000 + 250);
    expect(table.columns.get('mixed')!.data).toEqual(['2020-02-28', '2020-02-29T00:00:00']);
  });
});
