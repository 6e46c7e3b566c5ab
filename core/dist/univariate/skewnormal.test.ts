import { describe, expect, it } from 'vitest';
import { normcdf } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Normal, SkewNormal } from '../index.js';

describe('SkewNormal', () => {
  it('logpdf is log(2/ω φ(z) Φ(αz)) and SciPy’s', () => {
    const lp = (x: number, m: number, s: number, a: number) => {
      const z = (x - m) / s;
      return Math.log(((2 / s) * Math.exp(-0.5 * z * z) * normcdf(a * z)) / Math.sqrt(2 * Math.PI));
    };
    for (const x of [-1, 0.3, 0.9, 4]) expectClose(SkewNormal(0.3, 1.5, 3).logpdf(x), lp(x, 0.3, 1.5, 3), 1e-13);
    expectClose(SkewNormal(0.3, 1.5, 3).logpdf(0.9), -0.8335028212403096, 1e-13);
    expectClose(SkewNormal(0.3, 1.5, 0).logpdf(0.9), Normal(0.3, 1.5).logpdf(0.9) as number, 1e-14);
  });

  it('cdf (Owen’s T) matches SciPy', () => {
    expectClose(SkewNormal(0.3, 1.5, 3).cdf(0.9), 0.3236641769227943, 1e-13);
    expectClose(SkewNormal(0.3, 1.5, -2).cdf(-1.2), 0.3155916279176253, 1e-13);
    expectClose(SkewNormal(0.3, 1.5, 3).logccdf(6), -8.840874960972627, 1e-12);
  });

  it('partials in x, ξ, ω and α (all closed-form)', () => {
    expectDistGradients(([m, s, a]) => SkewNormal(m, s, a), [0.3, 1.5, 3], [-0.5, 0.9, 3]);
    expectDistGradients(([m, s, a]) => SkewNormal(m, s, a), [0, 1, -0.7], [-1, 0.5]);
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(SkewNormal(0.3, 1.5, 3), [1e-6, 0.3, 0.5, 0.999], 1e-11);
    expectRandMoments(SkewNormal(0.3, 1.5, 3));
    expectRandMoments(SkewNormal(0, 1, -1.5), 2);
    expect(SkewNormal().support()).toEqual({ kind: 'real' });
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => SkewNormal(0, -1, 1), 'SkewNormal: scale ω must be positive, got -1');
  });
});
