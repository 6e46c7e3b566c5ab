import { describe, expect, it } from 'vitest';
import { forwardGradient, ops } from '../../ad/index.js';
import { lgamma } from '../../math/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { Multinomial } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

describe('Multinomial log pmf', () => {
  it('5!/(1! 2! 2!) · 0.2 · 0.3² · 0.5² = 0.135', () => {
    expectClose(Multinomial(5, [0.2, 0.3, 0.5]).logpdf([1, 2, 2]), Math.log(0.135));
  });

  it.each([
    [10, 0.3, 4],
    [7, 0.9, 7],
    [3, 0.5, 0],
  ])('with two categories is the binomial pmf: n = %d, p = %d, x = %d', (n, p, x) => {
    const binom = lgamma(n + 1) - lgamma(x + 1) - lgamma(n - x + 1) + x * Math.log(p) + (n - x) * Math.log(1 - p);
    expectClose(Multinomial(n, [p, 1 - p]).logpdf([x, n - x]), binom);
  });

  it('a zero count of a zero-probability category contributes nothing', () => {
    expectClose(Multinomial(2, [0, 0.5, 0.5]).logpdf([0, 1, 1]), Math.log(0.5));
    expect(Multinomial(2, [0, 0.5, 0.5]).logpdf([1, 1, 0])).toBe(-Infinity);
  });

  it('is −∞ for counts that are negative, fractional or do not sum to n', () => {
    const d = Multinomial(4, [0.25, 0.25, 0.5]);
    expect(d.logpdf([1, 1, 1])).toBe(-Infinity);
    expect(d.logpdf([-1, 2, 3])).toBe(-Infinity);
    expect(d.logpdf([1.5, 1.5, 1])).toBe(-Infinity);
  });

  it('is discrete with mean n p', () => {
    const d = Multinomial(4, [0.25, 0.75]);
    expect(d.discrete).toBe(true);
    expect(d.support()).toEqual({ kind: 'discrete' });
    expect(d.mean!()).toEqual([1, 3]);
  });
});

describe('Multinomial partials', () => {
  // p must stay a probability vector, so the last probability is 1 minus the others: the check covers the
  // free-coordinate partials along the simplex.
  it('p along the simplex', () => {
    expectGradientsMatch((t) => Multinomial(6, [...t, ops.sub(1, ops.sumOf(t))]).logpdf([1, 0, 2, 3]), [0.1, 0.2, 0.3]);
  });

  it('∂/∂pᵢ is the free-coordinate partial xᵢ/pᵢ', () => {
    const { grad } = forwardGradient((t) => Multinomial(6, t).logpdf([1, 0, 2, 3]), [0.1, 0.2, 0.3, 0.4]);
    [10, 0, 2 / 0.3, 3 / 0.4].forEach((g, i) => expectClose(grad[i]!, g, 1e-14));
  });
});

describe('Multinomial draws', () => {
  it('sum to n with binomial marginals', () => {
    const rng = Rng.seeded(4);
    const p = [0.1, 0.6, 0.3];
    const d = Multinomial(20, p);
    const cols = p.map(() => new Float64Array(20000));
    let wrongTotal = 0;
    for (let k = 0; k < 20000; k++) {
      const x = d.rand(rng);
      if (x.reduce((s, xi) => s + xi, 0) !== 20) wrongTotal++;
      x.forEach((xi, i) => (cols[i]![k] = xi));
    }
    expect(wrongTotal).toBe(0);
    p.forEach((pi, i) => expectMoments(cols[i]!, 20 * pi, 20 * pi * (1 - pi)));
  });
});

describe('Multinomial arguments', () => {
  it.each([
    [() => Multinomial(-1, [0.5, 0.5]), 'Multinomial: number of trials n must be a non-negative integer, got -1'],
    [() => Multinomial(2.5, [0.5, 0.5]), 'Multinomial: number of trials n must be a non-negative integer, got 2.5'],
    [() => Multinomial(3, [0.5, 0.6]), 'Multinomial: p must be a probability vector (non-negative, summing to 1), but its sum is 1.1'],
    [() => Multinomial(3, [1.5, -0.5]), 'Multinomial: p must be a probability vector (non-negative, summing to 1), but p[2] = -0.5'],
    [() => Multinomial(3, [Infinity, 0]), 'Multinomial: p must be a probability vector (non-negative, summing to 1), but its sum is Infinity'],
  ])('%s', (build, message) => {
    expectArgumentError(build, message);
  });
});
