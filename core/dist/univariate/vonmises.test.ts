import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng/index.js';
import { expectMoments, sample } from '../../testing/moments.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip } from '../../testing/univariate.js';
import { VonMises } from '../index.js';

// log I₀(2.5) from mpmath
const LOG_I0_2_5 = 1.190838671196028;

describe('VonMises', () => {
  it('logpdf is κ cos(x − μ) − log(2π I₀(κ)), −Inf off [μ − π, μ + π]', () => {
    for (const x of [0.3 - Math.PI, -1, 0.9, 0.3 + Math.PI]) expectClose(VonMises(0.3, 2.5).logpdf(x), 2.5 * Math.cos(x - 0.3) - Math.log(2 * Math.PI) - LOG_I0_2_5, 1e-13);
    expectClose(VonMises(0.3, 2.5).logpdf(0.9), -0.9653767003311777, 1e-13);
    expect(VonMises(0.3, 2.5).logpdf(0.3 + 3.2)).toBe(-Infinity);
    expect(Number.isFinite(VonMises(0, 1e4).logpdf(0) as number)).toBe(true);
  });

  it('cdf matches SciPy', () => {
    expectClose(VonMises(0.3, 2.5).cdf(0.9), 0.8077225654164986, 1e-13);
    expectClose(VonMises(0.3, 2.5).cdf(-2.5), 0.0014250081478567392, 1e-10);
    expectClose(VonMises(0.5, 40).cdf(0.3), 0.10405254941524078, 1e-12);
  });

  it('partials in x, μ and κ (κ numerically for the cdfs)', () => {
    expectDistGradients(([m, k]) => VonMises(m, k), [0.3, 2.5], [-2, 0.1, 0.9, 3]);
  });

  it('support, circular variance, quantiles and draws', () => {
    expect(VonMises(0.3, 2.5).support()).toEqual({ kind: 'interval', lower: 0.3 - Math.PI, upper: 0.3 + Math.PI });
    expectClose(VonMises(0.3, 2.5).var(), 0.23500325241119013, 1e-14);
    expectQuantileRoundTrip(VonMises(0.3, 2.5), [0.001, 0.3, 0.5, 0.99], 1e-12);
    // var() is circular; the draws' linear variance is checked against SciPy's (quadrature of the density).
    const d = VonMises(0.3, 2.5);
    const rng = Rng.seeded(1);
    expectMoments(sample(20000, () => d.rand(rng)), 0.3, 0.5628834695927185);
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => VonMises(0, 0), 'VonMises: concentration κ must be positive, got 0');
  });
});
