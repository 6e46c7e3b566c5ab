import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Binomial, PoissonBinomial } from '../index.js';

const P = [0.2, 0.7, 0.45, 0.9, 0.05];

describe('PoissonBinomial', () => {
  // References: NumPy's convolution of the five Bernoulli pmfs.
  it('logpmf and both tails are the convolution of the trials', () => {
    const d = PoissonBinomial(P);
    const ref = [-4.378831743777362, -1.8567781056025034, -0.8535507020529691, -1.101566648494546, -2.6564069679503715, -5.865713341802421];
    ref.forEach((lp, k) => expectClose(d.logpdf(k), lp, 1e-13));
    expectClose(d.logcdf(2), -0.5198411416929456, 1e-13);
    expectClose(d.logccdf(2), -0.9029180461421125, 1e-13);
    expect(d.logpdf(6)).toBe(-Infinity);
    expect(d.logpdf(1.5)).toBe(-Infinity);
    expectClose(d.mean(), 2.3, 1e-15);
  });

  it('with equal probabilities is the Binomial', () => {
    for (const k of [0, 3, 7]) expectClose(PoissonBinomial(new Array(7).fill(0.3)).logpdf(k), Binomial(7, 0.3).logpdf(k) as number, 1e-13);
  });

  it('partials in every pᵢ, of the mass and of both tails', () => {
    expectDistGradients((p) => PoissonBinomial(p), P, [0, 2, 4, 5], { discrete: true });
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(PoissonBinomial(P), [1e-9, 0.3, 0.5, 0.999]);
    expectRandMoments(PoissonBinomial(P));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => PoissonBinomial([0.5, 1.2]), 'PoissonBinomial: p[2] must be in [0, 1], got 1.2');
  });
});
