import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng/index.js';
import { Dirac } from '../index.js';

describe('Dirac', () => {
  it('puts all its mass at its value: log density 0 there, −∞ elsewhere, as Distributions.jl', () => {
    expect(Dirac(2.5).logpdf(2.5)).toBe(0);
    expect(Dirac(2.5).logpdf(2.4)).toBe(-Infinity);
    expect(Dirac(1).logpdf(1)).toBe(0);
    expect(Dirac(1).logpdf(0)).toBe(-Infinity);
    expect(Dirac(2).cdf(1.9)).toBe(0);
    expect(Dirac(2).cdf(2)).toBe(1);
    expect(Dirac(2).ccdf(2)).toBe(0);
    expect(Dirac(2).quantile(0.3)).toBe(2);
  });

  it('draws its value; mean and mode are the value, variance and entropy 0', () => {
    const d = Dirac(-3);
    expect(d.rand(Rng.seeded(1))).toBe(-3);
    expect([d.mean(), d.var(), d.mode?.(), d.entropy?.(), d.minimum(), d.maximum()]).toEqual([-3, 0, -3, 0, -3, -3]);
    expect(d.discrete).toBe(true);
    // At a real value it is a real coordinate that sits there: the samplers' discrete coordinates are whole numbers.
    expect([Dirac(8372.47).discrete, Dirac(8372.47).support()]).toEqual([false, { kind: 'real' }]);
  });
});
