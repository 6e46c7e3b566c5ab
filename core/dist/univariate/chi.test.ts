import { describe, expect, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Chi } from '../index.js';

describe('Chi', () => {
  it('logpdf is the closed form and SciPy’s', () => {
    const lp = (x: number, k: number) => (1 - k / 2) * Math.LN2 - lgamma(k / 2) + (k - 1) * Math.log(x) - (x * x) / 2;
    for (const x of [1e-6, 1.2, 7]) expectClose(Chi(3.5).logpdf(x), lp(x, 3.5));
    expectClose(Chi(3.5).logpdf(1.2), -0.6996553724145869, 1e-13);
    expectClose(Chi(1).logpdf(0), 0.5 * Math.log(2 / Math.PI), 1e-15);
  });

  it('cdf matches SciPy', () => {
    expectClose(Chi(3.5).cdf(1.2), 0.22494947410192997, 1e-13);
    expectClose(Chi(3.5).logccdf(9), -37.62138221355173, 1e-12);
  });

  it('partials in x and ν', () => {
    expectDistGradients((p) => Chi(p[0]!), [3.5], [0.3, 1.2, 4]);
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(Chi(3.5), [1e-9, 0.5, 0.999]);
    expectClose(Chi(2).mean(), Math.sqrt(Math.PI / 2), 1e-14);
    expect(Chi(3.5).support()).toEqual({ kind: 'lower', lower: 0 });
    expectRandMoments(Chi(3.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Chi(0), 'Chi: degrees of freedom ν must be positive, got 0');
  });
});
