import { describe, expect, it } from 'vitest';
import { finiteDifferenceGradient, forwardGradient, value, type Real } from '../../ad/index.js';
import { Normal, TDist, type Univariate } from '../../dist/index.js';
import { JFunction } from '../../model/index.js';
import { binaryOp, compareOp, unaryOp } from './index.js';

const logpdf = (d: unknown, x: Real): number => value((d as Univariate).logpdf(x));

describe('affine arithmetic on distributions', () => {
  it('μ + σ * D is LocationScale(μ, σ, D)', () => {
    const t = TDist(4);
    const d = binaryOp('+', 1.5, binaryOp('*', 2, t));
    expect((d as Univariate).family).toBe('LocationScale');
    expect(compareOp('isa', d, new JFunction('LocationScale', () => 0))).toBe(true);
    expect(logpdf(d, 0.7)).toBeCloseTo(logpdf(t, (0.7 - 1.5) / 2) - Math.log(2), 12);
  });

  it('composes in any order into one location and scale', () => {
    const n = Normal(0, 1);
    const reference = Normal(3, 0.5);
    for (const d of [binaryOp('+', binaryOp('*', n, 0.5), 3), binaryOp('/', binaryOp('+', n, 6), 2), binaryOp('-', binaryOp('*', 0.5, n), -3)]) {
      expect(logpdf(d, 2.2)).toBeCloseTo(logpdf(reference, 2.2), 12);
    }
  });

  it('refuses what is not affine', () => {
    // Distributions.jl allows a negative scale; core/dist's LocationScale does not.
    expect(() => binaryOp('*', -1, Normal(0, 1))).toThrow('must be positive');
    expect(() => unaryOp('-', Normal(0, 1))).toThrow('must be positive');
    expect(() => binaryOp('^', Normal(0, 1), 2)).toThrow('`^` is not defined');
    expect(() => binaryOp('+', Normal(0, 1), Normal(0, 1))).toThrow('is not defined');
  });

  it('passes gradients to μ and σ', () => {
    const f = (t: readonly Real[]): Real => (binaryOp('+', t[0]!, binaryOp('*', t[1]!, TDist(3))) as Univariate).logpdf(0.4);
    const ad = forwardGradient(f, [0.2, 1.3]);
    const fd = finiteDifferenceGradient(f, [0.2, 1.3]);
    ad.grad.forEach((g, i) => expect(g).toBeCloseTo(fd.grad[i]!, 6));
  });
});
