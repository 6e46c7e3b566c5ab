import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Gamma, LocationScale, Normal, Poisson, TDist } from '../index.js';

describe('LocationScale', () => {
  it('of a Normal is the Normal', () => {
    for (const x of [-3, 0.4, 5]) {
      expectClose(LocationScale(1, 2, Normal()).logpdf(x), Normal(1, 2).logpdf(x) as number, 1e-14);
      expectClose(LocationScale(1, 2, Normal()).logcdf(x), Normal(1, 2).logcdf(x) as number, 1e-14);
    }
  });

  it('of a TDist is the scaled t density', () => {
    const lp = (x: number) => (TDist(4).logpdf((x - 1) / 2) as number) - Math.log(2);
    for (const x of [-30, 0.4, 5]) expectClose(LocationScale(1, 2, TDist(4)).logpdf(x), lp(x), 1e-14);
  });

  it('partials in x, μ, σ and the inner parameters', () => {
    expectDistGradients(([m, s, n]) => LocationScale(m!, s!, TDist(n!)), [1, 2, 4], [-3, 0.4, 5]);
  });

  it('maps the support, moments and quantiles; no Jacobian for a discrete inner', () => {
    expect(LocationScale(1, 2, Gamma(2, 1)).support()).toEqual({ kind: 'lower', lower: 1 });
    expectClose(LocationScale(1, 2, Gamma(2, 3)).mean(), 13, 1e-15);
    expectClose(LocationScale(1, 2, Gamma(2, 3)).var(), 72, 1e-15);
    expectQuantileRoundTrip(LocationScale(1, 2, Gamma(2, 3)), [1e-6, 0.5, 0.99]);
    expectClose(LocationScale(1, 2, Poisson(3)).logpdf(7), Poisson(3).logpdf(3) as number, 1e-15);
    expect(LocationScale(1, 2, Poisson(3)).discrete).toBe(true);
    expectRandMoments(LocationScale(1, 2, Gamma(2, 3)));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => LocationScale(0, -1, Normal()), 'LocationScale: σ must be positive, got -1');
  });
});
