import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip } from '../../testing/univariate.js';
import { Rng } from '../../rng/index.js';
import { Cauchy } from '../index.js';

describe('Cauchy', () => {
  it('logpdf is the closed form', () => {
    for (const x of [-1e6, -3, 0, 1, 40]) expectClose(Cauchy(1, 2).logpdf(x), -Math.log(Math.PI * 2 * (1 + ((x - 1) / 2) ** 2)));
  });

  it('cdf matches SciPy, with full precision far in the tail', () => {
    expectClose(Cauchy(1, 2).cdf(0.3), 0.3928330765600626, 1e-14);
    expectClose(Cauchy().logcdf(-1e10), -24.170580815789858, 1e-13);
    expectClose(Cauchy().logccdf(1e10), -24.170580815789858, 1e-13);
    expectClose(Cauchy().cdf(0), 0.5, 1e-15);
  });

  it('partials in x, μ and σ', () => {
    expectDistGradients(([m, s]) => Cauchy(m, s), [0.5, 1.3], [-20, -0.4, 0.5, 3]);
  });

  it('quantiles, undefined moments, draws', () => {
    expectQuantileRoundTrip(Cauchy(1, 2), [1e-10, 0.2, 0.5, 0.99]);
    expect(Number.isNaN(Cauchy().mean())).toBe(true);
    expect(Number.isNaN(Cauchy().var())).toBe(true);
    // No moments to test: the sample median and quartiles instead.
    const rng = Rng.seeded(3);
    const xs = Float64Array.from({ length: 20001 }, () => Cauchy(1, 2).rand(rng)).sort();
    expect(Math.abs(xs[10000]! - 1)).toBeLessThan(0.1);
    expect(Math.abs(xs[5000]! - -1)).toBeLessThan(0.12);
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Cauchy(0, -2), 'Cauchy: σ must be positive, got -2');
  });
});
