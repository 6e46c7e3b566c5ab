import { describe, expect, it } from 'vitest';
import { compileGradient, forwardGradient, ops, reverseGradient, trackerGradient, value, type Real } from '../../ad/index.js';
import { arraydist } from '../multivariate/index.js';
import { expectGradientsMatch } from '../multivariate/test-support.js';
import type { Univariate } from '../types.js';
import { BernoulliLogit, BinomialLogit, Cauchy, LogPoisson, Normal, Poisson } from './index.js';

/** Σ logpdf of each part on its own: what the one node over all parts must equal. */
function separately(parts: readonly Univariate[], x: readonly Real[]): number {
  let total = 0;
  for (let i = 0; i < parts.length; i++) total += value(parts[i]!.logpdf(x[i]!));
  return total;
}

/**
 * Parts of one family over a data vector, built from θ as a model builds them: `make(θ)` gives the parts
 * and the values they are observed at (or drawn, for continuous families); then a point inside, for finite
 * differences, and one near an edge (logits far in either tail, rates near 0, a tiny σ), for the backends.
 */
const CASES: [string, (t: readonly Real[]) => { parts: Univariate[]; x: Real[] }, number[], number[]][] = [
  ['BernoulliLogit, Int and Float outcomes', (t) => ({ parts: [t[0]!, t[1]!, t[2]!, t[3]!].map((l) => BernoulliLogit(l)), x: [1, 0, 1.0, 0.0] }), [0.3, -2, 1.5, -0.5], [0.3, -2, 38, -40]],
  ['LogPoisson, zero and large counts', (t) => ({ parts: [t[0]!, t[1]!, t[2]!].map((l) => LogPoisson(l)), x: [0, 3, 250] }), [-0.5, 1.1, 5.5], [-30, 1.1, 12]],
  ['Poisson', (t) => ({ parts: [t[0]!, t[1]!, t[2]!].map((λ) => Poisson(λ)), x: [0, 2, 7.0] }), [0.5, 0.4, 6], [1e-12, 1e-6, 6]],
  ['BinomialLogit, trials differing by part', (t) => ({ parts: [BinomialLogit(5, t[0]!), BinomialLogit(1, t[1]!), BinomialLogit(40, t[2]!)], x: [5, 0, 17] }), [2.5, -0.7, 0.1], [35, -0.7, -36]],
  ['Normal, vector μ and shared σ', (t) => ({ parts: [t[0]!, t[1]!, t[2]!].map((m) => Normal(m, t[3]!)), x: [0.5, -1, 2.0] }), [0.1, -0.4, 1.5, 0.8], [0.1, -0.4, 1.5, 1e-8]],
  ['Normal, vector μ and σ', (t) => ({ parts: [Normal(t[0]!, t[2]!), Normal(t[1]!, t[3]!)], x: [0.5, -1] }), [0.1, -0.4, 0.5, 2], [0.1, -0.4, 1e-3, 1e6]],
  ['Normal, shared μ, vector σ, drawn values', (t) => ({ parts: [Normal(t[0]!, 1), Normal(t[0]!, t[1]!)], x: [t[2]!, t[3]!] }), [0.2, 0.7, -1.1, 0.4], [0.2, 1e-4, -1.1, 0.2]],
  ['Normal and Cauchy: two standard forms of one class', (t) => ({ parts: [Normal(t[0]!, 1), Cauchy(t[1]!, 2), Normal(t[1]!, 1)], x: [0.5, 3, -1] }), [0.3, -0.2], [1e3, -1e3]],
];

describe('arraydist of parts of one family: one node over their columns', () => {
  it.each(CASES)('%s: the sum of the parts, with their partials', (_, make, θ, edge) => {
    for (const at of [θ, edge]) {
      const m = make(at);
      expect(value(arraydist(m.parts).logpdf(m.x))).toBeCloseTo(separately(m.parts, m.x), 12);
    }
    expectGradientsMatch((t) => {
      const m = make(t);
      return arraydist(m.parts).logpdf(m.x);
    }, θ);
  });

  it.each(CASES)('%s: every backend, and a tape replayed at other values, gives the parts’ sum and gradient', (_, make, θ, edge) => {
    const f = (t: readonly Real[]): Real => {
      const m = make(t);
      return arraydist(m.parts).logpdf(m.x);
    };
    const elementwise = (t: readonly Real[]): Real => {
      const m = make(t);
      return ops.sumOf(m.parts.map((d, i) => d.logpdf(m.x[i]!)));
    };
    const replay = compileGradient(f, θ.map((v) => v * 1.01));
    for (const at of [θ, edge]) {
      const expected = forwardGradient(elementwise, at);
      for (const r of [forwardGradient(f, at), reverseGradient(f, at), trackerGradient(f, at), replay(at)]) {
        expect(Math.abs(r.value - expected.value)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected.value)));
        r.grad.forEach((g, i) => expect(Math.abs(g - expected.grad[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected.grad[i]!))));
      }
    }
  });

  it('is −∞ with no partials where an observation is impossible, and back to finite at the next replay', () => {
    const f = (k: number) => (t: readonly Real[]): Real => arraydist([BernoulliLogit(t[0]!), BernoulliLogit(t[1]!)]).logpdf([1, k]);
    expect(reverseGradient(f(2), [0.3, 0.4])).toEqual({ value: -Infinity, grad: new Float64Array(2) });
    const counts = (t: readonly Real[]): Real => arraydist([Poisson(t[0]!), Poisson(t[1]!)]).logpdf([1, 2]);
    const replay = compileGradient(counts, [1, 2]);
    expect(replay([1, 0])).toEqual({ value: -Infinity, grad: new Float64Array(2) });
    expect(replay([1, 2]).value).toBeCloseTo(separately([Poisson(1), Poisson(2)], [1, 2]), 12);
  });

  it('keeps Normal’s point mass at σ = 0: +∞ at μ without partials of its own, −∞ elsewhere', () => {
    const at = (x: number) => (t: readonly Real[]): Real => arraydist([Normal(t[0]!, t[1]!), Normal(t[0]!, 1)]).logpdf([x, 0.5]);
    // ∂/∂μ is the second part's, (0.5 − 0.2) / 1².
    expect(reverseGradient(at(0.2), [0.2, 0])).toEqual({ value: Infinity, grad: Float64Array.of(0.3, 0) });
    expect(reverseGradient(at(0.3), [0.2, 0])).toEqual({ value: -Infinity, grad: new Float64Array(2) });
  });
});

