import { afterEach, describe, expect, it, vi } from 'vitest';
import { reverseGradient, type Real } from '../ad/index.js';
import { MixtureModel, Normal } from './index.js';

const ulps = (a: number, b: number): number => Math.abs(a - b) / (Number.EPSILON * Math.abs(b));

describe("a mixture's log density", () => {
  afterEach(() => vi.restoreAllMocks());

  it('weighs its components with one exp each, the partials exp(ℓₖ − m) / s to a few ulps however far out y is', () => {
    // θ = [w₁, w₂, w₃, μ₁]: the weights as given, one component's mean a parameter; log density near −700.
    const y = 40;
    const f = ([w1, w2, w3, mu]: readonly Real[]) =>
      MixtureModel([Normal(mu!, 1), Normal(2.5, 1), Normal(1.5, 1)], [w1!, w2!, w3!]).logpdf(y);
    const theta = [0.2, 0.5, 0.3, 2];
    const exp = vi.spyOn(Math, 'exp');
    const { value, grad } = reverseGradient(f, theta);
    const ls = [Normal(2, 1).logpdf(y) as number, Normal(2.5, 1).logpdf(y) as number, Normal(1.5, 1).logpdf(y) as number];
    expect(exp.mock.calls.length).toBeLessThanOrEqual(3);
    const m = Math.max(...ls);
    const s = theta[0]! * Math.exp(ls[0]! - m) + theta[1]! * Math.exp(ls[1]! - m) + theta[2]! * Math.exp(ls[2]! - m);
    expect(value).toBe(m + Math.log(s));
    for (let i = 0; i < 3; i++) expect(ulps(grad[i]!, Math.exp(ls[i]! - m) / s)).toBeLessThan(4);
  });
});
