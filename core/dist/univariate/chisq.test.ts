import { describe, expect, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Chisq } from '../index.js';

describe('Chisq', () => {
  it('logpdf is the closed form and SciPy’s', () => {
    const lp = (x: number, k: number) => (k / 2 - 1) * Math.log(x) - x / 2 - lgamma(k / 2) - (k / 2) * Math.LN2;
    for (const x of [1e-6, 2.2, 30]) expectClose(Chisq(3.5).logpdf(x), lp(x, 3.5));
    expectClose(Chisq(3.5).logpdf(2.2), -1.6372634246862159, 1e-13);
    expect(Chisq(2).logpdf(0)).toBe(-Math.LN2);
  });

  it('cdf matches SciPy', () => {
    expectClose(Chisq(3.5).cdf(2.2), 0.3791879329458929, 1e-13);
    expectClose(Chisq(3.5).logccdf(80), -37.13047453233802, 1e-12);
  });

  it('partials in x and ν', () => {
    expectDistGradients((p) => Chisq(p[0]!), [3.5], [0.3, 2.2, 12]);
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(Chisq(3.5), [1e-9, 0.5, 0.999]);
    expect(Chisq(3.5).var()).toBe(7);
    expectRandMoments(Chisq(3.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Chisq(-3), 'Chisq: degrees of freedom ν must be positive, got -3');
  });
});
