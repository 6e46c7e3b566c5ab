import { describe, expect, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { TDist } from '../index.js';

describe('TDist', () => {
  it('logpdf is the closed form and SciPy’s', () => {
    const lp = (x: number, n: number) => lgamma((n + 1) / 2) - lgamma(n / 2) - 0.5 * Math.log(n * Math.PI) - ((n + 1) / 2) * Math.log(1 + (x * x) / n);
    for (const x of [-40, -1, 0, 1.3, 1e3]) expectClose(TDist(3.5).logpdf(x), lp(x, 3.5));
    expectClose(TDist(3.5).logpdf(1.3), -1.8759077307949679, 1e-13);
  });

  it('cdf matches SciPy in the centre and both tails', () => {
    expectClose(TDist(3.5).cdf(1.3), 0.8637022920978149, 1e-13);
    expectClose(TDist(3.5).cdf(1e-3), 0.5003717722640666, 1e-14);
    expectClose(TDist(3.5).logcdf(-1e4), -31.659711232670567, 1e-12);
    expectClose(TDist(0.7).logccdf(200), -4.8773383530693195, 1e-12);
  });

  it('partials in x and ν', () => {
    expectDistGradients((p) => TDist(p[0]!), [3.5], [-6, -0.5, 0.1, 2]);
  });

  it('quantiles match SciPy; moments and draws', () => {
    expectClose(TDist(3.5).quantile(1e-12), -3163.0306837980147, 1e-10);
    expectClose(TDist(3.5).quantile(0.4), -0.27326545405577973, 1e-12);
    expectQuantileRoundTrip(TDist(3.5), [1e-9, 0.3, 0.5, 0.6, 0.999]);
    expect(TDist(1).mean()).toBeNaN();
    expect(TDist(2).var()).toBe(Infinity);
    expectRandMoments(TDist(12));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => TDist(0), 'TDist: degrees of freedom ν must be positive, got 0');
  });
});
