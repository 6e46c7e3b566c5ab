import { describe, expect, it } from 'vitest';
import { quantileColumn, rNumber } from './index.js';

describe("R's as.character of a double", () => {
  it('picks fixed or scientific notation as R 4.2 does (values printed by Rscript)', () => {
    const cases: [number, string][] = [
      [1e-5, '1e-05'],
      [1e-4, '1e-04'],
      [0.001, '0.001'],
      [0.01, '0.01'],
      [2.5, '2.5'],
      [7.000000000000001, '7'],
      [99.99999, '99.99999'],
      [12.3456789012345, '12.3456789012345'],
      [100 / 3, '33.3333333333333'],
      [0.012345, '0.012345'],
      [1e5, '1e+05'],
      [123456, '123456'],
      [1.5e20, '1.5e+20'],
      [-0.00001, '-1e-05'],
      [0, '0'],
    ];
    for (const [x, r] of cases) expect(rNumber(x), String(x)).toBe(r);
  });

  it("names quantile columns as posterior's quantile2 does", () => {
    expect([1e-7, 0.0001, 0.025, 1 / 3, 0.9999999].map(quantileColumn)).toEqual(['q1e-05', 'q0.01', 'q2.5', 'q33.3333333333333', 'q99.99999']);
  });
});
