import { describe, expect, it } from 'vitest';
import { normcdf } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Gamma, Normal, Poisson, truncated } from '../index.js';

describe('truncated', () => {
  it('renormalises the density on [l, u] and matches SciPy’s truncnorm', () => {
    const d = truncated(Normal(1, 2), 0);
    expectClose(d.logpdf(0.5), -1.2743892984759615, 1e-13);
    expectClose(d.cdf(0.5), 0.13414486076393375, 1e-13);
    const z = normcdf(1) - normcdf(-0.5);
    for (const x of [0, 1.3, 3]) expectClose(truncated(Normal(1, 2), 0, 3).logpdf(x), (Normal(1, 2).logpdf(x) as number) - Math.log(z), 1e-13);
    expect(d.logpdf(-0.1)).toBe(-Infinity);
  });

  it('stays accurate deep in the upper tail', () => {
    const d = truncated(Normal(), 10);
    expectClose(d.logpdf(10.5), -2.812653382692197, 1e-12);
    expectClose(d.cdf(10.1), 0.6375114502856413, 1e-12);
    const x = d.quantile(0.5);
    expect(x > 10 && x < 10.1).toBe(true);
    expectClose(d.cdf(x), 0.5, 1e-10);
  });

  it('truncated Normal moments match SciPy', () => {
    expectClose(truncated(Normal(1, 2), 0, 3).mean(), 1.4132624361230661, 1e-13);
    expectClose(truncated(Normal(1, 2), 0, 3).var(), 0.6910930363459724, 1e-13);
    expectClose(truncated(Normal(), 10).mean(), 10.098093233962564, 1e-12);
    expect(truncated(Gamma(2, 1), 1, 3).mean()).toBeNaN();
  });

  it('partials in x, the parameters and both bounds', () => {
    expectDistGradients(([m, s, l, u]) => truncated(Normal(m, s), l, u), [1, 2, 0, 3], [0.2, 1.3, 2.9]);
    expectDistGradients(([m, s, l]) => truncated(Normal(m, s), l), [1, 2, 4], [4.5, 7]);
    expectDistGradients(([a, l]) => truncated(Gamma(a!, 1), l, undefined), [2.5, 0.5], [1, 3]);
  });

  it('discrete truncation keeps the mass at the lower bound', () => {
    const d = truncated(Poisson(3), 2, 5);
    const mass = [2, 3, 4, 5].map((k) => Math.exp(Poisson(3).logpdf(k) as number));
    const total = mass.reduce((a, b) => a + b);
    expectClose(d.logpdf(2), Math.log(mass[0]! / total), 1e-13);
    expectClose(d.cdf(3), (mass[0]! + mass[1]!) / total, 1e-13);
    expect(d.logpdf(6)).toBe(-Infinity);
    expectQuantileRoundTrip(d, [0.1, 0.5, 0.9]);
    expectDistGradients(([l]) => truncated(Poisson(l!), 2, 5), [3], [2, 3, 4], { discrete: true });
  });

  it('combines supports; nothing to truncate gives D back; nested truncations intersect', () => {
    expect(truncated(Normal(), 0).support()).toEqual({ kind: 'lower', lower: 0 });
    expect(truncated(Normal(), undefined, 2).support()).toEqual({ kind: 'upper', upper: 2 });
    expect(truncated(Gamma(2, 1), undefined, 2).support()).toEqual({ kind: 'interval', lower: 0, upper: 2 });
    expect(truncated(Gamma(2, 1), -1).support()).toEqual({ kind: 'lower', lower: 0 });
    const n = Normal();
    expect(truncated(n)).toBe(n);
    expect(truncated(n, -Infinity, Infinity)).toBe(n);
    expectClose(truncated(truncated(n, -1, 2), 0, 3).logpdf(1.5), truncated(n, 0, 2).logpdf(1.5) as number, 1e-15);
  });

  it('draws by rejection and by inversion', () => {
    expectRandMoments(truncated(Normal(1, 2), 0, 3));
    expectRandMoments(truncated(Normal(), 3), 2);
  });

  it('rejects bad bounds by name', () => {
    expectArgumentError(() => truncated(Normal(), 2, 1), 'truncated: lower must be at most upper, got lower = 2, upper = 1');
  });
});
