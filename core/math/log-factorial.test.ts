import { describe, expect, it } from 'vitest';
import { lbeta, lgamma, logChoose, logFactorial } from './index.js';

describe('kept log factorials and binomial coefficients', () => {
  it('give exactly the numbers they keep, asked once or again, inside and outside the kept range', () => {
    for (const k of [0, 1, 2, 7, 60, 170, 4095, 4096, 1e6, 2.5]) {
      expect(logFactorial(k)).toBe(lgamma(k + 1));
      expect(logFactorial(k)).toBe(lgamma(k + 1));
    }
    const direct = (n: number, k: number) => -Math.log1p(n) - lbeta(n - k + 1, k + 1);
    for (const [n, k] of [[10, 3], [10, 0], [10, 10], [2 ** 20 + 5, 7], [12.5, 3], [5, 7]] as const) {
      expect(logChoose(n, k)).toBe(direct(n, k));
      expect(logChoose(n, k)).toBe(direct(n, k));
    }
    expect(logChoose(1000, 500)).toBeCloseTo(lgamma(1001) - 2 * lgamma(501), 9);
  });

  it('stay right past the number of coefficients kept (a model with more distinct pairs starts afresh)', () => {
    const direct = (n: number, k: number) => -Math.log1p(n) - lbeta(n - k + 1, k + 1);
    let wrong = 0;
    for (let n = 0; n < 400; n++) for (let k = 0; k <= n; k++) if (logChoose(n, k) !== direct(n, k)) wrong++;
    for (let n = 0; n < 30; n++) for (let k = 0; k <= n; k++) if (logChoose(n, k) !== direct(n, k)) wrong++;
    expect(wrong).toBe(0);
  });
});
