import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Geometric } from '../index.js';

describe('Geometric (failures before the first success)', () => {
  it('logpmf is log p + k log(1 − p)', () => {
    for (const k of [0, 1, 7, 100]) expectClose(Geometric(0.3).logpdf(k), Math.log(0.3) + k * Math.log(0.7));
    expect(Geometric(0.3).logpdf(-1)).toBe(-Infinity);
    expect(Geometric(1).logpdf(0)).toBe(0);
  });

  it('cdf is 1 − (1 − p)^(k+1)', () => {
    expectClose(Geometric(0.3).cdf(7), 1 - 0.7 ** 8, 1e-14);
    expectClose(Geometric(0.3).logccdf(99), 100 * Math.log(0.7), 1e-14);
  });

  it('partials in p', () => {
    expectDistGradients((p) => Geometric(p[0]), [0.3], [0, 4, 40], { discrete: true });
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(Geometric(0.3), [1e-9, 0.3, 0.5, 0.999]);
    expectRandMoments(Geometric(0.3));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Geometric(0), 'Geometric: p must be in (0, 1], got 0');
  });
});
