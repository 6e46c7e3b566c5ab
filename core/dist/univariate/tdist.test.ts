import { describe, expect, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { forwardGradient } from '../../ad/index.js';
import { Normal, TDist } from '../index.js';

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

  it('ν = Inf is the standard normal, as StatsFuns takes it, with no partial in ν', () => {
    const t = TDist(Infinity);
    const z = Normal(0, 1);
    for (const x of [-3, 0, 1.3]) {
      expect(t.logpdf(x)).toBe(z.logpdf(x));
      expect(t.logcdf(x)).toBe(z.logcdf(x));
      expect(t.logccdf(x)).toBe(z.logccdf(x));
    }
    expect(t.quantile(0.3)).toBe(z.quantile(0.3));
    expect([t.mean(), t.var(), t.entropy!()]).toEqual([0, 1, z.entropy!()]);
    const g = forwardGradient(([x, ν]) => TDist(ν!).logpdf(x!), [1.3, Infinity]);
    expect([g.value, g.grad[0], Math.abs(g.grad[1]!)]).toEqual([z.logpdf(1.3), -1.3, 0]);
    expectRandMoments(t);
  });

  it('approaches the standard normal for a large finite ν, where lΓ((ν + 1)/2) − lΓ(ν/2) cancels', () => {
    const z = Normal(0, 1);
    for (const ν of [1e15, 1e20, 1e300]) for (const x of [0.5, -3]) expectClose(TDist(ν).logpdf(x), z.logpdf(x) as number, 1e-12);
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => TDist(0), 'TDist: degrees of freedom ν must be positive, got 0');
    expectArgumentError(() => TDist(NaN), 'TDist: degrees of freedom ν must be positive, got NaN');
  });
});
