import { describe, expect, it } from 'vitest';
import { logit } from '../../math/index.js';
import { sample } from '../../testing/moments.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip } from '../../testing/univariate.js';
import { Rng } from '../../rng/index.js';
import { LogitNormal } from '../index.js';

describe('LogitNormal', () => {
  it('logpdf and cdf match SciPy’s normal through the logit', () => {
    const d = LogitNormal(0.3, 0.8);
    expectClose(d.logpdf(0.35), 0.12494047542884268, 1e-13);
    expectClose(d.cdf(0.35), 0.12531943374764254, 1e-13);
    expect(d.logpdf(1)).toBe(-Infinity);
    expect(d.logcdf(1)).toBe(0);
  });

  it('partials in x, μ and σ', () => {
    expectDistGradients(([m, s]) => LogitNormal(m, s), [0.3, 0.8], [0.05, 0.35, 0.9]);
  });

  it('quantiles and draws; no mean or variance, as in Distributions.jl', () => {
    const d = LogitNormal(0.3, 0.8);
    expectQuantileRoundTrip(d, [1e-9, 0.3, 0.5, 1 - 1e-9]);
    expectClose(d.quantile(0.5), 1 / (1 + Math.exp(-0.3)), 1e-15);
    const rng = Rng.seeded(3);
    const logits = sample(20000, () => logit(d.rand(rng)));
    const mean = logits.reduce((a, b) => a + b) / logits.length;
    expect(Math.abs(mean - 0.3)).toBeLessThan((4 * 0.8) / Math.sqrt(logits.length));
    expect(d.mean()).toBeNaN();
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => LogitNormal(0, -1), 'LogitNormal: σ must be positive, got -1');
  });
});
