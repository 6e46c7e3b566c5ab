import { describe, expect, it } from 'vitest';
import { forwardGradient, ops } from '../../ad/index.js';
import { lgamma } from '../../math/index.js';
import { Rng } from '../../rng/index.js';
import { expectMoments } from '../../testing/moments.js';
import { Dirichlet } from './index.js';
import { expectArgumentError, expectClose, expectGradientsMatch } from './test-support.js';

function closedForm(alpha: readonly number[], x: readonly number[]): number {
  const a0 = alpha.reduce((s, a) => s + a, 0);
  return lgamma(a0) + alpha.reduce((s, a, i) => s - lgamma(a) + (a - 1) * Math.log(x[i]!), 0);
}

describe('Dirichlet log density', () => {
  it.each([
    [[1, 2, 3], [0.2, 0.3, 0.5]],
    [[0.5, 0.5, 0.5, 0.5], [0.1, 0.2, 0.3, 0.4]],
    [[10, 0.1], [0.999, 0.001]],
    [[2.5, 7, 1.2], [0.6, 0.35, 0.05]],
  ])('Dirichlet(%j) at %j matches lΓ(α₀) − Σ lΓ(αᵢ) + Σ (αᵢ − 1) log xᵢ', (alpha, x) => {
    expectClose(Dirichlet(alpha).logpdf(x), closedForm(alpha, x));
  });

  it('with two components is the Beta density of the first', () => {
    const [a, b, x] = [2.3, 0.7, 0.35];
    const beta = (a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - (lgamma(a) + lgamma(b) - lgamma(a + b));
    expectClose(Dirichlet([a, b]).logpdf([x, 1 - x]), beta);
  });

  it('Dirichlet(ones(3)) is uniform on the simplex with density Γ(3) = 2', () => {
    expectClose(Dirichlet(3, 1).logpdf([0.1, 0.7, 0.2]), Math.log(2));
    expectClose(Dirichlet(3, 1).logpdf([1, 0, 0]), Math.log(2));
  });

  it('the symmetric form equals fill(a, k)', () => {
    expectClose(Dirichlet(3, 2.5).logpdf([0.2, 0.5, 0.3]), Dirichlet([2.5, 2.5, 2.5]).logpdf([0.2, 0.5, 0.3]) as number);
  });

  it('is −∞ off the simplex', () => {
    const d = Dirichlet([2, 2, 2]);
    expect(d.logpdf([0.5, 0.5, 0.5])).toBe(-Infinity);
    expect(d.logpdf([1.2, -0.1, -0.1])).toBe(-Infinity);
    expect(d.logpdf([0.2, 0.3, 0.5 + 1e-12])).not.toBe(-Infinity);
  });

  it('has simplex support and mean α / α₀', () => {
    const d = Dirichlet([1, 3]);
    expect(d.support()).toEqual({ kind: 'simplex', dim: 2 });
    expect(d.mean!()).toEqual([0.25, 0.75]);
  });
});

describe('Dirichlet partials', () => {
  // The partials w.r.t. x treat its coordinates as free, but moving one coordinate alone leaves the simplex
  // (where the density is −∞), so x is parameterised as (x₁, x₂, 1 − x₁ − x₂): the check then covers
  // ∂/∂x₁ − ∂/∂x₃ and ∂/∂x₂ − ∂/∂x₃, the directions along the simplex that the bijector uses.
  it('α and x along the simplex', () => {
    expectGradientsMatch((t) => Dirichlet(t.slice(2)).logpdf([t[0]!, t[1]!, ops.sub(ops.sub(1, t[0]!), t[1]!)]), [0.2, 0.3, 1.5, 2, 3.5]);
  });

  it('∂/∂xᵢ is the free-coordinate partial (αᵢ − 1)/xᵢ', () => {
    const { grad } = forwardGradient((t) => Dirichlet([1.5, 2, 3.5]).logpdf(t), [0.2, 0.3, 0.5]);
    [0.5 / 0.2, 1 / 0.3, 2.5 / 0.5].forEach((g, i) => expectClose(grad[i]!, g, 1e-14));
  });

  it('α only, at several points', () => {
    for (const x of [[0.2, 0.3, 0.5], [0.01, 0.01, 0.98]]) expectGradientsMatch((t) => Dirichlet(t).logpdf(x), [0.5, 2, 7]);
  });

  it('the shared a of Dirichlet(k, a)', () => {
    expectGradientsMatch((t) => Dirichlet(4, t[0]!).logpdf([0.1, 0.2, 0.3, 0.4]), [1.7]);
  });

  it('the mean', () => {
    expectGradientsMatch((t) => Dirichlet(t).mean!()[1]!, [0.5, 2, 7]);
  });
});

describe('Dirichlet draws', () => {
  it.each([[[2, 3, 5]], [[0.1, 0.3, 0.05]]])('Dirichlet(%j) has mean αᵢ/α₀ and variance αᵢ(α₀ − αᵢ)/(α₀²(α₀ + 1))', (alpha) => {
    const rng = Rng.seeded(21);
    const a0 = alpha.reduce((s, a) => s + a, 0);
    const d = Dirichlet(alpha);
    const cols = alpha.map(() => new Float64Array(20000));
    let worst = 0;
    for (let k = 0; k < 20000; k++) {
      const x = d.rand(rng);
      worst = Math.max(worst, Math.abs(x.reduce((s, xi) => s + xi, 0) - 1));
      x.forEach((xi, i) => (cols[i]![k] = xi));
    }
    expect(worst).toBeLessThan(1e-12);
    alpha.forEach((a, i) => expectMoments(cols[i]!, a / a0, (a * (a0 - a)) / (a0 * a0 * (a0 + 1))));
  });
});

describe('Dirichlet arguments', () => {
  it.each([
    [() => Dirichlet([1, 0, 2]), 'Dirichlet: α must be positive, got α[2] = 0'],
    [() => Dirichlet([1, NaN]), 'Dirichlet: α must be positive, got α[2] = NaN'],
    [() => Dirichlet(0, 1), 'Dirichlet: dimension k must be a positive integer, got 0'],
    [() => Dirichlet(3, -1), 'Dirichlet: α must be positive, got α[1] = -1'],
    [() => Dirichlet([1, 2]).logpdf([1]), 'Dirichlet: expected a value with 2 elements, got 1'],
  ])('%s', (build, message) => {
    expectArgumentError(build, message);
  });
});
