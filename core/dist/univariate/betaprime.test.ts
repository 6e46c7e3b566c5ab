import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { BetaPrime } from '../index.js';

describe('BetaPrime', () => {
  it('logpdf, cdf and the far upper tail match SciPy', () => {
    const d = BetaPrime(2.5, 3.5);
    expectClose(d.logpdf(0.8), -0.5596000464219766, 1e-13);
    expectClose(d.cdf(0.8), 0.5708410845672359, 1e-13);
    expectClose(d.logccdf(1e3), -22.13273536855549, 1e-12);
    expect(d.logpdf(-1)).toBe(-Infinity);
  });

  it('moments match SciPy; NaN where Distributions.jl gives NaN; BetaPrime(α) is BetaPrime(α, α)', () => {
    expectClose(BetaPrime(2.5, 3.5).mean(), 1, 1e-15);
    expectClose(BetaPrime(2.5, 3.5).var(), 1.3333333333333335, 1e-14);
    expect(BetaPrime(2, 1).mean()).toBeNaN();
    expectClose(BetaPrime(3).logpdf(0.7), BetaPrime(3, 3).logpdf(0.7) as number, 1e-15);
  });

  it('partials in x, α and β', () => {
    expectDistGradients(([a, b]) => BetaPrime(a, b), [2.5, 3.5], [0.1, 0.8, 6]);
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(BetaPrime(2.5, 3.5), [1e-9, 0.3, 0.5, 1 - 1e-9]);
    expectClose(BetaPrime(2.5, 3.5).ccdf(BetaPrime(2.5, 3.5).cquantile(1e-12)), 1e-12, 1e-8);
    expectRandMoments(BetaPrime(2.5, 7));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => BetaPrime(1, 0), 'BetaPrime: shape β must be positive, got 0');
  });
});
