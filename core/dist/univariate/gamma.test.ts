import { describe, expect, it } from 'vitest';
import { lgamma } from '../../math/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Erlang, Gamma } from '../index.js';

const logpdf = (x: number, a: number, s: number) => (a - 1) * Math.log(x) - x / s - lgamma(a) - a * Math.log(s);

describe('Gamma (shape α, scale θ)', () => {
  it('logpdf is the closed form and SciPy’s', () => {
    for (const x of [1e-8, 0.7, 3, 50]) expectClose(Gamma(2.5, 1.5).logpdf(x), logpdf(x, 2.5, 1.5));
    expectClose(Gamma(2.5, 1.5).logpdf(0.7), -2.3000247233180953, 1e-13);
  });

  it('the boundary x = 0 follows Distributions.jl', () => {
    expect(Gamma(1, 2).logpdf(0)).toBe(-Math.log(2));
    expect(Gamma(2, 2).logpdf(0)).toBe(-Infinity);
    expect(Gamma(0.5, 2).logpdf(0)).toBe(Infinity);
    expect(Gamma(2, 2).logpdf(-1)).toBe(-Infinity);
  });

  it('cdf matches SciPy in both tails', () => {
    expectClose(Gamma(2.5, 1.5).cdf(0.7), 0.03223829385935098, 1e-13);
    expectClose(Gamma(2.5, 1.5).logccdf(60), -34.71410345653794, 1e-12);
    expectClose(Gamma(2.5, 1.5).logcdf(1e-6), -36.75341324371864, 1e-12);
  });

  it('partials in x, α and θ (α numerically for the cdfs)', () => {
    expectDistGradients(([a, s]) => Gamma(a, s), [2.5, 1.5], [0.05, 0.7, 4, 20]);
    expectDistGradients(([a, s]) => Gamma(a, s), [0.3, 2], [0.01, 1]);
  });

  it('quantiles, moments and draws', () => {
    expectQuantileRoundTrip(Gamma(2.5, 1.5), [1e-10, 0.2, 0.5, 0.999]);
    expect(Gamma(2.5, 1.5).mean()).toBe(3.75);
    expectRandMoments(Gamma(2.5, 1.5));
    expectRandMoments(Gamma(0.3, 2));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Gamma(-1, 1), 'Gamma: shape α must be positive, got -1');
    expectArgumentError(() => Gamma(1, 0), 'Gamma: scale θ must be positive, got 0');
  });
});

describe('Erlang (whole-number shape α, scale θ)', () => {
  it('is Gamma with its own name, and matches SciPy’s erlang', () => {
    const d = Erlang(3, 2);
    expect(d.family).toBe('Erlang');
    expectClose(d.logpdf(4.5), -2.0144339286872333, 1e-14);
    expectClose(d.cdf(4.5), 0.39066073300172194, 1e-13);
    expectDistGradients(([s]) => Erlang(3, s), [2], [0.5, 4.5]);
    expectRandMoments(d);
  });

  it('rejects a shape that is not a positive whole number', () => {
    expectArgumentError(() => Erlang(2.5, 1), 'Erlang: shape α must be an integer, got 2.5');
    expectArgumentError(() => Erlang(0, 1), 'Erlang: shape α must be an integer ≥ 1, got 0');
    expectArgumentError(() => Erlang(2, -1), 'Erlang: scale θ must be positive, got -1');
  });
});
