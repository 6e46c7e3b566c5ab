import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Skellam } from '../index.js';

describe('Skellam', () => {
  it('logpmf, cdf and both tails match SciPy', () => {
    const d = Skellam(3.2, 1.5);
    expectClose(d.logpdf(2), -1.6961784446931225, 1e-13);
    expectClose(d.logpdf(-3), -4.190380158744309, 1e-13);
    expectClose(d.cdf(1), 0.47455998365914515, 1e-13);
    expectClose(d.logccdf(12), -11.54405486225637, 1e-12);
    expectClose(d.logcdf(-8), -11.371357311101011, 1e-12);
    expect(d.logpdf(0.5)).toBe(-Infinity);
    expectClose(Skellam(40, 55).logpdf(-10), -3.322998280596353, 1e-12);
    expectClose(Skellam(40, 55).cdf(-15), 0.5194117044480091, 1e-12);
    expectClose(Skellam(2).logpdf(1), Skellam(2, 2).logpdf(1) as number, 1e-15);
  });

  it('partials in μ1 and μ2, of the mass and of both tails', () => {
    expectDistGradients(([a, b]) => Skellam(a!, b!), [3.2, 1.5], [-8, -3, 0, 2, 12], { discrete: true });
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(Skellam(3.2, 1.5), [1e-9, 0.3, 0.5, 0.999]);
    expectRandMoments(Skellam(3.2, 1.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Skellam(1, 0), 'Skellam: μ2 must be positive, got 0');
  });
});
