import { describe, expect, it } from 'vitest';
import { forwardGradient } from '../../ad/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Frechet } from '../index.js';

describe('Frechet', () => {
  it('logpdf and both tails match SciPy’s invweibull', () => {
    const d = Frechet(2.5, 1.3);
    expectClose(d.logpdf(1.7), -0.7963684643632598, 1e-14);
    expectClose(d.cdf(1.7), 0.5996728762538469, 1e-14);
    expectClose(d.logcdf(0.3), -39.08906154553072, 1e-14);
    expectClose(d.logccdf(50), -9.124201352768958, 1e-12);
    expect(d.logpdf(0)).toBe(-Infinity);
  });

  it('moments match SciPy and are infinite where Distributions.jl says so', () => {
    expectClose(Frechet(2.5, 1.3).mean(), 1.9359499234566626, 1e-13);
    expectClose(Frechet(2.5, 1.3).var(), 4.010623767146123, 1e-12);
    expect(Frechet(1, 1).mean()).toBe(Infinity);
    expect(Frechet(2, 1).var()).toBe(Infinity);
  });

  it('partials in x, α and θ', () => {
    expectDistGradients(([a, s]) => Frechet(a, s), [2.5, 1.3], [0.4, 1.7, 8]);
  });

  it('logcdf’s partials stay exact far in the lower tail, where the density and F share t = (x/θ)^(−α)', () => {
    const [x, a, s] = [0.05, 20, 5];
    const t = (x / s) ** -a;
    const g = forwardGradient(([xx, aa, ss]) => Frechet(aa!, ss!).logcdf(xx!), [x, a, s]);
    expectClose(g.value, -t, 1e-13);
    [(a * t) / x, t * Math.log(x / s), -(a * t) / s].forEach((e, i) => expectClose(g.grad[i]!, e, 1e-12, `∂/∂θ[${i}]`));
  });

  it('quantiles and draws', () => {
    expectQuantileRoundTrip(Frechet(2.5, 1.3), [1e-9, 0.3, 0.5, 1 - 1e-9]);
    expectRandMoments(Frechet(6, 1.3));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Frechet(-1, 1), 'Frechet: shape α must be positive, got -1');
  });
});
