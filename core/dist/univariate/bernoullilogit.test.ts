import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { BernoulliLogit } from '../index.js';

const sigma = (x: number) => 1 / (1 + Math.exp(-x));

describe('BernoulliLogit', () => {
  it('logpmf is log σ(l) or log σ(−l), finite for extreme logits', () => {
    expectClose(BernoulliLogit(0.8).logpdf(1), Math.log(sigma(0.8)));
    expectClose(BernoulliLogit(0.8).logpdf(0), Math.log(sigma(-0.8)));
    expectClose(BernoulliLogit(-800).logpdf(1), -800, 1e-15);
    expectClose(BernoulliLogit(50).logpdf(1), -Math.exp(-50), 1e-14);
    expect(BernoulliLogit(0).logpdf(3)).toBe(-Infinity);
  });

  it('cdf at 0 is σ(−l)', () => {
    expectClose(BernoulliLogit(0.8).cdf(0), sigma(-0.8), 1e-14);
  });

  it('partials in logitp', () => {
    expectDistGradients((p) => BernoulliLogit(p[0]), [0.8], [0, 1], { discrete: true });
    expectDistGradients((p) => BernoulliLogit(p[0]), [-30], [0, 1], { discrete: true });
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(BernoulliLogit(0.8), [0.1, 0.5]);
    expectRandMoments(BernoulliLogit(0.8));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => BernoulliLogit(NaN), 'BernoulliLogit: logitp must be finite, got NaN');
  });
});
