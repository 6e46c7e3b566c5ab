import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { DirichletMultinomial } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

describe('DirichletMultinomial', () => {
  it('log pmf matches SciPy’s dirichlet_multinomial', () => {
    const d = DirichletMultinomial(6, [1.5, 0.7, 2.2]);
    expectClose(d.logpdf([2, 0, 4]), -2.3295655180642347, 1e-13);
    expectClose(d.logpdf([1, 2, 3]), -3.3342672072824433, 1e-13);
    expect(d.logpdf([1, 2, 2])).toBe(-Infinity);
    expect(d.logpdf([-1, 3, 4])).toBe(-Infinity);
    expect(d.discrete).toBe(true);
    expect(d.support()).toEqual({ kind: 'discrete' });
  });

  it('DirichletMultinomial(n, k) has α = ones(k)', () => {
    expectClose(DirichletMultinomial(4, 3).logpdf([1, 1, 2]), DirichletMultinomial(4, [1, 1, 1]).logpdf([1, 1, 2]) as number, 1e-15);
  });

  it('partials in α', () => {
    expectGradientsMatch((α) => DirichletMultinomial(6, α).logpdf([2, 0, 4]), [1.5, 0.7, 2.2]);
  });

  it('draws sum to n, with SciPy’s means and variances', () => {
    const d = DirichletMultinomial(6, [1.5, 0.7, 2.2]);
    const rng = Rng.seeded(5);
    const draws = Array.from({ length: 20000 }, () => d.rand(rng));
    expect(draws.every((x) => x[0]! + x[1]! + x[2]! === 6)).toBe(true);
    const means = [2.0454545454545454, 0.9545454545454543, 3.0];
    const vars = [2.5964187327823693, 1.545913682277318, 2.888888888888889];
    for (let i = 0; i < 3; i++) expectMoments(Float64Array.from(draws, (x) => x[i]!), means[i]!, vars[i]!);
    d.mean!().forEach((m, i) => expectClose(m, means[i]!, 1e-14));
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => DirichletMultinomial(0, [1, 1]), 'DirichletMultinomial: number of trials n must be a positive integer, got 0');
    expectArgumentError(() => DirichletMultinomial(3, [1, -1]), 'DirichletMultinomial: α[2] must be positive and finite, got -1');
  });
});
