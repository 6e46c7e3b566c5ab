import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { TriangularDist } from '../index.js';

describe('TriangularDist', () => {
  // SciPy's triang(c = (c − a)/(b − a), loc = a, scale = b − a).
  it('logpdf and cdf on both sides of the mode, and moments, match SciPy', () => {
    const d = TriangularDist(1, 4, 1.8);
    expectClose(d.logpdf(1.5), -0.8754687373539001, 1e-14);
    expectClose(d.logpdf(3), -1.1939224684724346, 1e-14);
    expectClose(d.cdf(1.5), 0.10416666666666666, 1e-14);
    expectClose(d.cdf(3), 0.8484848484848484, 1e-14);
    expectClose(d.mean(), 2.2666666666666666, 1e-15);
    expectClose(d.var(), 0.4022222222222222, 1e-14);
    expect(d.logpdf(4.1)).toBe(-Infinity);
  });

  it('is 2/(b − a) at the mode, also when the mode is an endpoint; TriangularDist(a, b) has its mode at the middle', () => {
    expectClose(TriangularDist(1, 4, 1).logpdf(1), Math.log(2 / 3), 1e-15);
    expectClose(TriangularDist(1, 4, 4).logpdf(4), Math.log(2 / 3), 1e-15);
    expectClose(TriangularDist(1, 4, 1).cdf(1), 0, 1e-15);
    expectClose(TriangularDist(1, 4).mean(), 2.5, 1e-15);
  });

  it('partials in x, a, b and c', () => {
    expectDistGradients(([a, b, c]) => TriangularDist(a!, b!, c!), [1, 4, 1.8], [1.5, 3, 3.9]);
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(TriangularDist(1, 4, 1.8), [1e-9, 0.1, 0.5, 1 - 1e-9]);
    expectClose(TriangularDist(1, 4, 1.8).cquantile(0.05), TriangularDist(1, 4, 1.8).quantile(0.95), 1e-14);
    expectRandMoments(TriangularDist(1, 4, 1.8));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => TriangularDist(1, 4, 5), 'TriangularDist: the mode c must be in [a, b], got a = 1, b = 4, c = 5');
    expectArgumentError(() => TriangularDist(4, 1), 'TriangularDist: a must be less than b, got a = 4, b = 1');
  });
});
