import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Arcsine } from '../index.js';

describe('Arcsine', () => {
  it('logpdf, both tails and moments match SciPy', () => {
    const d = Arcsine(-1, 2);
    expectClose(d.logpdf(0.3), -1.541226143614231, 1e-14);
    expectClose(d.cdf(0.3), 0.45743191299574415, 1e-14);
    expectClose(d.logcdf(-0.99), -3.3029177067992967, 1e-13);
    expectClose(d.logccdf(1.75), -1.6797021345448557, 1e-13);
    expectClose(d.mean(), 0.5, 1e-15);
    expectClose(d.var(), 1.125, 1e-15);
    expect(d.logpdf(2.1)).toBe(-Infinity);
  });

  it('Arcsine() is Arcsine(0, 1) and Arcsine(b) is Arcsine(0, b)', () => {
    expect(Arcsine().support()).toEqual({ kind: 'interval', lower: 0, upper: 1 });
    expect(Arcsine(3).support()).toEqual({ kind: 'interval', lower: 0, upper: 3 });
  });

  it('partials in x, a and b', () => {
    expectDistGradients(([a, b]) => Arcsine(a!, b!), [-1, 2], [-0.9, 0.3, 1.9]);
  });

  it('quantiles and draws', () => {
    // Near a the quantile is a + O(p²), whose rounding limits cdf(quantile(p)) for small p.
    expectQuantileRoundTrip(Arcsine(-1, 2), [1e-3, 0.3, 0.5, 1 - 1e-9]);
    expectClose(Arcsine(-1, 2).cquantile(0.2), Arcsine(-1, 2).quantile(0.8), 1e-14);
    expectRandMoments(Arcsine(-1, 2));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Arcsine(2, 1), 'Arcsine: a must be less than b, got a = 2, b = 1');
  });
});
