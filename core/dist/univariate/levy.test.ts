import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip } from '../../testing/univariate.js';
import { Rng } from '../../rng/index.js';
import { Levy } from '../index.js';

describe('Levy', () => {
  it('logpdf and both tails match SciPy, also where erfc underflows', () => {
    const d = Levy(0.5, 2);
    expectClose(d.logpdf(1.7), -1.6791806114489654, 1e-14);
    expectClose(d.cdf(1.7), 0.19670560245894686, 1e-13);
    expectClose(d.logcdf(0.52), -52.53813796995247, 1e-13);
    expectClose(d.logccdf(1e4), -4.484396282283423, 1e-13);
    expectClose(d.logccdf(3), -0.46377247451273945, 1e-13);
    expect(d.logpdf(0.5)).toBe(-Infinity);
    expect(d.mean()).toBe(Infinity);
  });

  it('partials in x, μ and σ', () => {
    expectDistGradients(([m, s]) => Levy(m, s), [0.5, 2], [0.7, 1.7, 40]);
  });

  it('quantiles; draws have the median σ/(2 erfcinv(1/2)²) above μ', () => {
    const d = Levy(0.5, 2);
    expectQuantileRoundTrip(d, [1e-9, 0.3, 0.5, 1 - 1e-9]);
    const rng = Rng.seeded(2);
    const below = Array.from({ length: 20000 }, () => d.rand(rng)).filter((x) => x < d.quantile(0.5)).length;
    expect(Math.abs(below / 20000 - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 20000));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Levy(0, 0), 'Levy: scale σ must be positive, got 0');
  });
});
