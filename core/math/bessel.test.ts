import { describe, expect, it } from 'vitest';
import { besselI0e, besselI1e, besselIRatios, logBesselI0, logBesselIUpTo } from './index.js';

// Reference values from mpmath (30 significant digits), rounded to double.
const REF: readonly [x: number, i0e: number, i1e: number, logI0: number, r1: number, r2: number][] = [
  [1e-8, 0.9999999900000001, 4.99999995e-9, 2.5000000000000012e-17, 5e-9, 1.25e-17],
  [0.5, 0.6450352704491501, 0.1564208031848717, 0.06154971918548131, 0.24249961258080194, 0.03000154967679222],
  [5, 0.18354081260932836, 0.16397226694454237, 3.3046817758225333, 0.8933831370440852, 0.6426467451823659],
  [24.9, 0.08035933261153222, 0.07872879488210313, 22.378752955946688, 0.9797094167355604, 0.9213084805834891],
  [25.1, 0.08003519725429624, 0.07842431517836841, 22.574711224613928, 0.9798728293152129, 0.9219224837199034],
  [100, 0.03994437929909668, 0.03974415302513025, 96.77973268994258, 0.9949873730051688, 0.9801002525398966],
  [1000, 0.012617240455891257, 0.012610930256928629, 995.6273088898695, 0.9994998748748043, 0.9980010002502504],
];

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('Bessel I', () => {
  it.each(REF)('x = %d on both sides of the series/asymptotic switch', (x, i0e, i1e, logI0, r1, r2) => {
    expect(rel(besselI0e(x), i0e)).toBeLessThan(1e-14);
    expect(rel(besselI1e(x), i1e)).toBeLessThan(1e-14);
    expect(rel(logBesselI0(x), logI0)).toBeLessThan(1e-14);
    const r = besselIRatios(x, 1e-300);
    expect(rel(r[0]!, r1)).toBeLessThan(1e-14);
    expect(rel(r[1]!, r2)).toBeLessThan(1e-14);
  });

  it('I₁ is odd, I₀ even', () => {
    expect(besselI1e(-2)).toBe(-besselI1e(2));
    expect(besselI0e(-2)).toBe(besselI0e(2));
  });

  it('log Iₙ of whole orders matches SciPy’s ive, also far above x and for large x', () => {
    const cases: [n: number, x: number, logIn: number][] = [
      [3, 0.5, -5.935041882246393],
      [10, 2, -15.013844663226056],
      [40, 30, 3.180371876582207],
      [5, 200, 196.36987555507844],
      [150, 10, -363.4389461085888],
    ];
    for (const [n, x, ref] of cases) expect(rel(logBesselIUpTo(n, x)[n]!, ref), `n = ${n}, x = ${x}`).toBeLessThan(1e-13);
    expect(logBesselIUpTo(2, 0.5)[0]).toBe(logBesselI0(0.5));
    expect(Array.from(logBesselIUpTo(2, 0))).toEqual([0, -Infinity, -Infinity]);
  });
});
