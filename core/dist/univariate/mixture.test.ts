import { describe, expect, it } from 'vitest';
import { forwardGradient, ops, type Real } from '../../ad/index.js';
import { expectArgumentError, expectClose, expectDistGradients, expectQuantileRoundTrip, expectRandMoments } from '../../testing/univariate.js';
import { Exponential, MixtureModel, Normal, Poisson } from '../index.js';

describe('MixtureModel', () => {
  it('logpdf is log Σ wₖ fₖ(x)', () => {
    const d = MixtureModel([Normal(-1, 1), Normal(2, 0.5)], [0.3, 0.7]);
    const f = (x: number) => 0.3 * Math.exp(Normal(-1, 1).logpdf(x) as number) + 0.7 * Math.exp(Normal(2, 0.5).logpdf(x) as number);
    for (const x of [-3, 0, 2.2]) expectClose(d.logpdf(x), Math.log(f(x)), 1e-14);
    expectClose(d.logpdf(-40), Normal(-1, 1).logpdf(-40) as number + Math.log(0.3), 1e-14);
  });

  it('partials in x, every component parameter and every weight (a zero weight included)', () => {
    // Weights as w/Σw, so the differences stay on the simplex.
    const make = ([x1, x2, w1, w2]: readonly Real[]) => {
      const total = ops.add(w1!, w2!);
      return MixtureModel([Normal(x1, 1), Normal(2, x2)], [ops.div(w1!, total), ops.div(w2!, total)]);
    };
    expectDistGradients(make, [-1, 0.5, 0.3, 0.7], [-2, 0.5, 2.2]);
    // A zero weight: no NaN, and ∂/∂w₁ = f₁/f.
    const g = forwardGradient(([m, w]) => MixtureModel([Normal(m, 1), Normal(2, 0.5)], [w!, 1]).logpdf(0.5), [-1, 0]);
    expect(g.grad[0]).toBe(0);
    expectClose(g.grad[1]!, Math.exp((Normal(-1, 1).logpdf(0.5) as number) - (Normal(2, 0.5).logpdf(0.5) as number)), 1e-14);
  });

  it('discrete when all components are', () => {
    const d = MixtureModel([Poisson(1), Poisson(6)], [0.5, 0.5]);
    expect(d.discrete).toBe(true);
    expect(d.support()).toEqual({ kind: 'discrete' });
    expectClose(d.logpdf(3), Math.log(0.5 * Math.exp(Poisson(1).logpdf(3) as number) + 0.5 * Math.exp(Poisson(6).logpdf(3) as number)), 1e-14);
    expectQuantileRoundTrip(d, [0.1, 0.5, 0.9]);
    expectRandMoments(d);
  });

  it('support spans the components; moments, quantiles and draws', () => {
    expect(MixtureModel([Exponential(1), Exponential(2)]).support()).toEqual({ kind: 'lower', lower: 0 });
    const d = MixtureModel([Normal(-1, 1), Normal(2, 0.5)], [0.3, 0.7]);
    expectClose(d.mean(), 1.1, 1e-14);
    expectQuantileRoundTrip(d, [1e-6, 0.3, 0.5, 0.99], 1e-12);
    expectRandMoments(d);
  });

  it('rejects bad arguments by name', () => {
    expectArgumentError(() => MixtureModel([Normal(), Normal()], [0.5, 0.6]), 'MixtureModel: weights must be a probability vector (non-negative, summing to 1), but its sum is 1.1');
    expectArgumentError(() => MixtureModel([Normal(), Poisson(1)]), 'MixtureModel: components must be all continuous or all discrete');
    expectArgumentError(() => MixtureModel([Normal()], [0.5, 0.5]), 'MixtureModel: weights must have one entry per component, got 2 for 1');
  });
});
