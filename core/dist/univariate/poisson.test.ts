import { describe, expect, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Poisson } from '../index.js';

describe('Poisson', () => {
  it('logpmf is the closed form and SciPy’s', () => {
    for (const k of [0, 1, 7, 60]) expectClose(Poisson(4.5).logpdf(k), k * Math.log(4.5) - 4.5 - lgamma(k + 1));
    expectClose(Poisson(4.5).logpdf(7), -2.496619583631496, 1e-13);
    expect(Poisson(4.5).logpdf(-1)).toBe(-Infinity);
    expect(Poisson(4.5).logpdf(1.5)).toBe(-Infinity);
    expect(Poisson(0).logpdf(0)).toBe(0);
  });

  it('cdf matches SciPy', () => {
    expectClose(Poisson(4.5).cdf(7), 0.913413528352644, 1e-13);
    expectClose(Poisson(4.5).logccdf(40), -56.75404086070865, 1e-12);
  });

  it('partials in λ', () => {
    expectDistGradients((p) => Poisson(p[0]), [4.5], [0, 3, 7, 30], { discrete: true });
  });

  it('quantiles (SciPy for λ = 10⁶), moments and draws', () => {
    expectQuantileRoundTrip(Poisson(4.5), [1e-9, 0.3, 0.5, 0.999]);
    expect(Poisson(1e6).quantile(0.3)).toBe(999475);
    expectRandMoments(Poisson(4.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Poisson(-1), 'Poisson: rate λ must be non-negative, got -1');
  });
});
