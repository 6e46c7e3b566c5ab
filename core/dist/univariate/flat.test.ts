import { describe, expect, it } from 'vitest';
import { expectArgumentError } from '../../testing/univariate.js';
import { Rng } from '../../rng/index.js';
import { Flat, FlatPos } from '../index.js';

describe('Flat and FlatPos (Turing’s improper priors)', () => {
  it('log density 0 on the support, −Inf off it', () => {
    expect(Flat().logpdf(-1e300)).toBe(0);
    expect(FlatPos(1).logpdf(1.5)).toBe(0);
    expect(FlatPos(1).logpdf(1)).toBe(-Infinity);
    expect(FlatPos(1).logpdf(0)).toBe(-Infinity);
  });

  it('supports are the real line and (l, ∞)', () => {
    expect(Flat().support()).toEqual({ kind: 'real' });
    expect(FlatPos(-2).support()).toEqual({ kind: 'lower', lower: -2 });
  });

  it('draws DynamicPPL’s initial values: Uniform(−2, 2) unconstrained', () => {
    const rng = Rng.seeded(1);
    for (let i = 0; i < 1000; i++) {
      const x = Flat().rand(rng);
      expect(x > -2 && x < 2).toBe(true);
      const y = FlatPos(1).rand(rng);
      expect(y > 1 + Math.exp(-2) && y < 1 + Math.exp(2)).toBe(true);
    }
  });

  it('has no cdf or quantile, and NaN moments', () => {
    expect(() => Flat().cdf(0)).toThrow('Flat is an improper distribution: it has no cdf');
    expect(() => FlatPos(0).quantile(0.5)).toThrow('FlatPos is an improper distribution: it has no quantile');
    expect(Flat().mean()).toBeNaN();
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => FlatPos(NaN), 'FlatPos: l must be finite, got NaN');
  });
});
