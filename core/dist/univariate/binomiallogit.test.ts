import { describe, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Binomial, BinomialLogit } from '../index.js';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));

describe('BinomialLogit', () => {
  it('logpmf is the closed form on the logit scale', () => {
    const lp = (k: number, n: number, l: number) => lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * l - n * Math.log1p(Math.exp(l));
    for (const k of [0, 4, 12]) expectClose(BinomialLogit(12, -0.4).logpdf(k), lp(k, 12, -0.4));
  });

  it('cdf equals Binomial’s with p = σ(l)', () => {
    for (const k of [0, 4, 11]) expectClose(BinomialLogit(12, -0.4).cdf(k), Binomial(12, sigma(-0.4)).cdf(k) as number, 1e-12);
  });

  it('partials in logitp', () => {
    expectDistGradients((p) => BinomialLogit(12, p[0]!), [-0.4], [0, 4, 11, 12], { discrete: true });
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(BinomialLogit(12, -0.4), [0.01, 0.5, 0.99]);
    expectRandMoments(BinomialLogit(12, -0.4));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => BinomialLogit(-2, 0), 'BinomialLogit: n must be a non-negative integer, got -2');
  });
});
