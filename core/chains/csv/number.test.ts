import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatRows, parseNumber, parseRow } from './index.js';

describe('CSV numbers', () => {
  it('read back every double exactly, −0 and the non-finite values included, in both dialects', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        expect(Object.is(parseNumber(formatNumber(x, 'r')), x)).toBe(true);
        expect(Object.is(parseNumber(formatNumber(x, 'stan')), x)).toBe(true);
      }),
      { numRuns: 20000 },
    );
    for (const x of [Number.MIN_VALUE, -Number.MAX_VALUE, 0.1 + 0.2, 1e21, 1e-7, -0, 2 ** 53 + 2]) {
      expect(Object.is(parseNumber(formatNumber(x)), x)).toBe(true);
    }
  });

  it('uses the shortest exact form, no locale, no grouping', () => {
    expect(formatNumber(0.1)).toBe('0.1');
    expect(formatNumber(1234567.5)).toBe('1234567.5');
    expect(formatNumber(-0)).toBe('-0');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect([NaN, Infinity, -Infinity].map((x) => formatNumber(x))).toEqual(['NaN', 'Inf', '-Inf']);
    expect([NaN, Infinity, -Infinity].map((x) => formatNumber(x, 'stan'))).toEqual(['nan', 'inf', '-inf']);
  });

  it("reads R's, Julia's, Python's and CmdStan's spellings of special values", () => {
    for (const s of ['NaN', 'nan', 'NA']) expect(parseNumber(s)).toBeNaN();
    for (const s of ['Inf', 'inf', 'Infinity', '+inf']) expect(parseNumber(s)).toBe(Infinity);
    for (const s of ['-Inf', '-inf', '-Infinity']) expect(parseNumber(s)).toBe(-Infinity);
    expect(parseNumber(' 1.5 ')).toBe(1.5);
    expect(parseNumber('1E+05')).toBe(1e5);
    expect(parseNumber('.5')).toBe(0.5);
  });

  it('refuses what JavaScript’s Number would quietly accept', () => {
    for (const s of ['', ' ', '0x1f', '0b1', '0o7', '1,5', 'abc', '1.2.3', '.', '-', 'e5', '1e']) {
      expect(parseNumber(s), JSON.stringify(s)).toBeUndefined();
    }
  });

  it('writes rows as their cells written one by one, −0 and the non-finite values included', () => {
    const cell = fc.oneof(fc.double(), fc.constantFrom(-0, NaN, Infinity, -Infinity, 1e21, 5e-324));
    const rows = fc.integer({ min: 0, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(rows, fc.constantFrom('r' as const, 'stan' as const), (xs, dialect) => {
        expect(formatRows(xs, dialect)).toBe(xs.map((row) => row.map((x) => formatNumber(x, dialect)).join(',')).join('\n'));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a written row of finite numbers at once, and as parseNumber reads each cell', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 8 }), (xs) => {
        const back = parseRow(formatRows([xs]), xs.length)!;
        expect(back.every((y, j) => Object.is(y, xs[j]))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    expect(parseRow(' 1.5 ,-2e3,1E+05, -0', 4)).toEqual([1.5, -2000, 1e5, -0]);
  });

  it('leaves to parseNumber a row with any other cell, and a row of another width', () => {
    for (const cell of ['NaN', 'Inf', 'NA', '.5', '+1', '1.', '01', '0x1f', '', ' ', 'abc', 'true', 'null', '[1]', '{}', '\u00a01']) {
      expect(parseRow(`1,${cell},2`, 3), JSON.stringify(cell)).toBeUndefined();
    }
    expect(parseRow('1,2', 3)).toBeUndefined();
    expect(parseRow('1,2,3,4', 3)).toBeUndefined();
  });
});
