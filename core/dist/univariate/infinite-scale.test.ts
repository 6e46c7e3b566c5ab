import { describe, expect, it } from 'vitest';
import { forwardGradient, type Real } from '../../ad/index.js';
import { Cauchy, Erlang, Exponential, Gamma, Gumbel, Laplace, LogNormal, Logistic, LogitNormal, Normal, Rayleigh, SkewNormal } from '../index.js';
import type { Univariate } from '../types.js';

/**
 * Distributions.jl checks a scale only for σ > 0, so a scale that overflowed to +Inf makes a distribution whose
 * density is 0 (log density −Inf) everywhere: a sampler rejects the point instead of stopping with an error.
 */
const FAMILIES: [string, (s: Real) => Univariate, number][] = [
  ['Normal', (s) => Normal(0, s), 0.5],
  ['Cauchy', (s) => Cauchy(0, s), 0.5],
  ['Logistic', (s) => Logistic(0, s), 0.5],
  ['Laplace', (s) => Laplace(0, s), 0.5],
  ['Gumbel', (s) => Gumbel(0, s), Math.exp(-1)],
  ['SkewNormal', (s) => SkewNormal(0, s, 1), 0.25],
  ['LogNormal', (s) => LogNormal(0, s), 0.5],
  ['LogitNormal', (s) => LogitNormal(0, s), 0.5],
  ['Exponential', (s) => Exponential(s), 0],
  ['Gamma', (s) => Gamma(2, s), 0],
  ['Erlang', (s) => Erlang(3, s), 0],
  ['Rayleigh', (s) => Rayleigh(s), 0],
];

describe('a scale of +Inf, as Distributions.jl takes it', () => {
  it.each(FAMILIES)('%s: log density −Inf, cdf the limit, no partials', (_, make, cdf) => {
    const d = make(Infinity);
    for (const x of [0.3, 0.7, 2]) expect(d.logpdf(x)).toBe(-Infinity);
    expect(d.cdf(0.7)).toBeCloseTo(cdf, 15);
    const g = forwardGradient(([s]) => make(s!).logpdf(0.7), [Infinity]);
    expect([g.value, g.grad[0]]).toEqual([-Infinity, 0]);
  });

  it('still refuses a scale that is 0 (Normal excepted: σ = 0 is its point mass), negative or NaN', () => {
    for (const s of [0, -1, NaN]) expect(() => Cauchy(0, s)).toThrow(`Cauchy: σ must be positive, got ${s}`);
    for (const s of [-1, NaN]) expect(() => Normal(0, s)).toThrow(`Normal: σ must be non-negative, got ${s}`);
  });
});
