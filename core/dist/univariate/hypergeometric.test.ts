import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Hypergeometric } from '../index.js';

describe('Hypergeometric', () => {
  const d = Hypergeometric(5, 7, 4);

  it('logpdf, logcdf and logccdf match R’s dhyper and phyper', () => {
    const cases: [number, number, number, number][] = [
      [0, -2.64920970107927678, -2.64920970107927678, -0.073331273085549598],
      [1, -1.03977178864517672, -0.85745023185122204, -0.55206858230003952],
      [2, -0.85745023185122138, -0.16430305129127615, -1.88706964903238084],
      [3, -1.9560625205193323, -0.010152371464018, -4.5951198501345907],
    ];
    for (const [k, lp, lc, lcc] of cases) {
      expectClose(d.logpdf(k), lp, 1e-13, `logpdf(${k})`);
      expectClose(d.logcdf(k), lc, 1e-13, `logcdf(${k})`);
      expectClose(d.logccdf(k), lcc, 1e-12, `logccdf(${k})`);
    }
    expect([d.logpdf(5), d.logpdf(1.5), d.logcdf(-1), d.logcdf(4)]).toEqual([-Infinity, -Infinity, -Infinity, 0]);
  });

  it('reads one mass without making those of its whole support, as a model does at every evaluation', () => {
    // 10⁷ + 1 points of support: making every mass takes seconds, reading one a few microseconds.
    const started = performance.now();
    const big = Hypergeometric(1e7, 1e7, 1e7);
    // At its mode the mass is the normal approximation's 1/√(2π var), to O(1/var).
    const variance = (1e7 * 0.25 * 1e7) / (2e7 - 1);
    expectClose(big.logpdf(5e6), -0.5 * Math.log(2 * Math.PI * variance), 1e-6);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('its support runs from max(0, n − f) to min(s, n)', () => {
    const e = Hypergeometric(3, 2, 4);
    expect([e.minimum(), e.maximum()]).toEqual([2, 3]);
    expect(e.logpdf(1)).toBe(-Infinity);
    expectClose(e.cdf(2), 0.6, 1e-14);
  });

  it('moments and summaries as Distributions.jl (SciPy’s values), quantiles and draws', () => {
    expectClose(d.mean(), 1.6666666666666667, 1e-15);
    expectClose(d.var(), 0.7070707070707071, 1e-14);
    expectClose(d.skewness!(), 0.07928249671720919, 1e-13);
    expectClose(d.kurtosis!(), -0.26571428571428574, 1e-13);
    expectClose(d.entropy!(), 1.2417109634878043, 1e-14);
    expect(d.mode!()).toBe(2);
    expect(d.quantile(0.5)).toBe(2);
    expectQuantileRoundTrip(d, [0.05, 0.5, 0.95]);
    expectRandMoments(Hypergeometric(30, 50, 20));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Hypergeometric(-1, 2, 1), 'Hypergeometric: s must be a non-negative integer, got -1');
    expectArgumentError(() => Hypergeometric(2, 2, 5), 'Hypergeometric: n must be at most s + f = 4, got 5');
    expectArgumentError(() => Hypergeometric(2.5, 2, 1), 'Hypergeometric: s must be a non-negative integer, got 2.5');
  });
});
