import { describe, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectRandMoments } from '../../testing/univariate.js';
import { Normal, NormalCanon } from '../index.js';

describe('NormalCanon', () => {
  it('is Normal(η/λ, 1/√λ), and matches SciPy', () => {
    const d = NormalCanon(0.8, 2.5);
    expectClose(d.logpdf(0.1), -0.5212931672675951, 1e-14);
    expectClose(d.cdf(0.7), Normal(0.32, 1 / Math.sqrt(2.5)).cdf(0.7) as number, 1e-14);
    expectClose(d.mean(), 0.32, 1e-15);
    expectClose(d.var(), 0.4, 1e-15);
  });

  it('partials in x, η and λ', () => {
    expectDistGradients(([e, l]) => NormalCanon(e, l), [0.8, 2.5], [-1, 0.1, 2]);
  });

  it('draws', () => {
    expectRandMoments(NormalCanon(0.8, 2.5));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => NormalCanon(0, -1), 'NormalCanon: precision λ must be positive, got -1');
  });
});
