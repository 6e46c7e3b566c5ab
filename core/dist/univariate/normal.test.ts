import { describe, expect, it } from 'vitest';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { forwardGradient } from '../../ad/index.js';
import { Rng } from '../../rng/index.js';
import { filldist, Normal } from '../index.js';

const logpdf = (x: number, m: number, s: number) => -0.5 * ((x - m) / s) ** 2 - Math.log(s) - 0.5 * Math.log(2 * Math.PI);

describe('Normal', () => {
  it('logpdf is the closed form, in the centre and far out', () => {
    for (const x of [-30, -1, 0, 0.5, 3, 1e3]) expectClose(Normal(0.5, 2).logpdf(x), logpdf(x, 0.5, 2));
    expectClose(Normal().logpdf(0), -0.5 * Math.log(2 * Math.PI));
  });

  it('cdf and its logs match SciPy, deep into both tails', () => {
    expectClose(Normal().cdf(1.96), 0.9750021048517795, 1e-14);
    expectClose(Normal(1, 2).logcdf(3), -0.1727537790234499, 1e-13);
    expectClose(Normal().logcdf(-40), -804.6084420137539, 1e-13);
    expectClose(Normal().logccdf(40), -804.6084420137539, 1e-13);
  });

  it('partials in x, μ and σ', () => {
    expectDistGradients(([m, s]) => Normal(m, s), [0.3, 1.7], [-4, -0.2, 0.3, 2.5]);
    expectDistGradients(([m, s]) => Normal(m, s), [0, 1], [-30, 30]);
  });

  it('quantile inverts cdf; cquantile reaches the far upper tail', () => {
    const d = Normal(1, 3);
    expectQuantileRoundTrip(d, [1e-12, 0.01, 0.5, 0.9, 1 - 1e-9]);
    expect(d.quantile(0)).toBe(-Infinity);
    expect(d.quantile(1)).toBe(Infinity);
    expect(Number.isNaN(d.quantile(1.5))).toBe(true);
    expectClose(Normal().cquantile(1e-300), 37.0470962993612, 1e-12);
  });

  it('moments and draws', () => {
    const d = Normal(-2, 0.5);
    expect(d.mean()).toBe(-2);
    expect(d.var()).toBe(0.25);
    expect(d.support()).toEqual({ kind: 'real' });
    expectRandMoments(d);
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => Normal(0, -1), 'Normal: σ must be non-negative, got -1');
    expectArgumentError(() => Normal(NaN, 1), 'Normal: μ must be finite, got NaN');
  });

  it('takes σ = 0, as Distributions.jl does: the point mass at μ, log density +Inf there and −Inf elsewhere', () => {
    const d = Normal(1.5, 0);
    expect([d.logpdf(1.5), d.logpdf(1.4), d.logpdf(-Infinity)]).toEqual([Infinity, -Infinity, -Infinity]);
    expect([d.cdf(1.4), d.cdf(1.5), d.cdf(2)]).toEqual([0, 1, 1]);
    expect([d.logccdf(1.4), d.logccdf(1.5)]).toEqual([0, -Infinity]);
    expect([d.quantile(0), d.quantile(0.3), d.quantile(1)]).toEqual([-Infinity, 1.5, Infinity]);
    expect([d.mean(), d.var(), d.entropy!()]).toEqual([1.5, 0, -Infinity]);
    expect(d.rand(Rng.seeded(1))).toBe(1.5);
    // No partials either way, as at σ = Inf: a sampler takes a non-finite log density as outside the usable region.
    const at = (θ: number[]) => forwardGradient(([x, m, s]) => Normal(m!, s!).logpdf(x!), θ);
    expect([at([1.5, 1.5, 0]).value, ...at([1.5, 1.5, 0]).grad.map(Math.abs)]).toEqual([Infinity, 0, 0, 0]);
    expect([at([1, 1.5, 0]).value, ...at([1, 1.5, 0]).grad.map(Math.abs)]).toEqual([-Infinity, 0, 0, 0]);
    const iid = (xs: number[]) => forwardGradient(([m, s]) => filldist(Normal(m!, s!), 2).logpdf(xs), [1.5, 0]);
    expect([iid([1.5, 1.5]).value, ...iid([1.5, 1.5]).grad.map(Math.abs)]).toEqual([Infinity, 0, 0]);
    expect([iid([1.5, 1]).value, ...iid([1.5, 1]).grad.map(Math.abs)]).toEqual([-Infinity, 0, 0]);
  });

  it('takes σ = Inf, as Distributions.jl does: the density is 0 everywhere, the cdf ½', () => {
    const d = Normal(1, Infinity);
    for (const x of [-3, 1, 50]) expect(d.logpdf(x)).toBe(-Infinity);
    expect(d.cdf(-3)).toBe(0.5);
    expect(d.var()).toBe(Infinity);
  });
});
