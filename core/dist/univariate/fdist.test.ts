import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { FDist } from '../index.js';

describe('FDist', () => {
  const d = FDist(3.5, 9.5);

  it('logpdf, logcdf and logccdf match R (and SciPy), deep into both tails', () => {
    const cases: [number, number, number, number][] = [
      [0.01, -2.286814692781917, -7.44289835680364, -0.0005857570220057259],
      [0.7, -0.5678965168582923, -0.9007764662966066, -0.5213038198781652],
      [2.3, -2.173805831676219, -0.14834586976935, -1.9814649393587924],
      [50, -15.156341258003032, -2.9240054890702366e-6, -12.742557600833889],
    ];
    for (const [x, lp, lc, lcc] of cases) {
      expectClose(d.logpdf(x), lp, 1e-12, `logpdf(${x})`);
      expectClose(d.logcdf(x), lc, 1e-11, `logcdf(${x})`);
      expectClose(d.logccdf(x), lcc, 1e-11, `logccdf(${x})`);
    }
    expect(d.logpdf(-1)).toBe(-Infinity);
    expect(d.cdf(0)).toBe(0);
  });

  it('partials in x, ν1 and ν2', () => {
    expectDistGradients((p) => FDist(p[0]!, p[1]!), [3.5, 9.5], [0.05, 0.7, 2.3, 8]);
  });

  it('quantiles solve cdf = p to full precision in both tails (SciPy’s far upper one is off in its sixth digit, R’s far lower in its tenth); moments, summaries and draws', () => {
    expectClose(d.quantile(0.3), 0.52475426200881714, 1e-13);
    expectClose(d.quantile(1e-10), 1.3459645593881107e-6, 1e-12);
    expectClose(d.cquantile(1e-12), 1216.3923170829705, 1e-12);
    expectQuantileRoundTrip(d, [1e-9, 0.3, 0.5, 0.9, 0.999]);
    const e = FDist(3.5, 12);
    expectClose(e.mean(), 1.2, 1e-15);
    expectClose(e.var(), 1.3885714285714286, 1e-14);
    expectClose(e.skewness!(), 3.2975147857883296, 1e-13);
    expectClose(e.kurtosis!(), 27.465608465608472, 1e-13);
    expectClose(e.entropy!(), 1.140232498436637, 1e-13);
    expectClose(e.mode!(), (1.5 / 3.5) * (12 / 14), 1e-15);
    expect([FDist(2, 2).mean(), FDist(2, 4).var(), FDist(2, 6).skewness!(), FDist(2, 8).kurtosis!(), FDist(2, 9).mode!()]).toEqual([NaN, NaN, NaN, NaN, 0]);
    expectRandMoments(FDist(6, 20));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => FDist(0, 1), 'FDist: degrees of freedom ν1 must be positive, got 0');
    expectArgumentError(() => FDist(1, -2), 'FDist: degrees of freedom ν2 must be positive, got -2');
  });
});
