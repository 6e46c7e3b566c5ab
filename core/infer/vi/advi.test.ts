import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng/index.js';
import { paretoSmooth, paretoTailLength } from '../../diagnostics/index.js';
import { correlatedGaussian, funnel } from '../test-support.js';
import type { Target } from '../index.js';
import { adviInit, adviStep, drawApproximation, gaussianMoments, type AdviState, type GaussianFamily } from './index.js';

/** The bivariate normal of test-support moved to `mean`. */
function shifted(target: Target, mean: readonly number[]): Target {
  return {
    dimension: target.dimension,
    logdensityAndGradient: (theta) => target.logdensityAndGradient(theta.map((t, i) => t - mean[i]!)),
  };
}

function fit(target: Target, family: GaussianFamily, seed: number, steps = 2000): { state: AdviState; elbos: number[] } {
  const rng = Rng.seeded(seed);
  let state = adviInit(rng, target, new Float64Array(target.dimension), family);
  const elbos: number[] = [];
  for (let t = 0; t < steps; t++) {
    const next = adviStep(rng, state, { target, samples: 10 });
    state = next.state;
    elbos.push(next.info.elbo);
  }
  return { state, elbos };
}

/** Pareto k̂ of log p − log q over draws of the fitted approximation (Yao et al. 2018). */
function paretoK(target: Target, state: AdviState, draws = 2000): number {
  const rng = Rng.seeded(99);
  const ratios = Float64Array.from({ length: draws }, () => {
    const { z, logq } = drawApproximation(rng, state);
    return target.logdensityAndGradient(z).value - logq;
  });
  return paretoSmooth(ratios, paretoTailLength(draws, 1)).k;
}

/** Within 10%: the averaged iterates still carry the gradient noise of 10 draws a step. */
function expectRelative(actual: number, expected: number): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(0.1);
}

const s1 = 2;
const s2 = 0.5;
const rho = 0.8;
const mean = [1, -3];
const target = shifted(correlatedGaussian(s1, s2, rho), mean);

describe('ADVI', () => {
  it('full rank recovers the mean and the covariance of a correlated normal', () => {
    const { state } = fit(target, 'fullrank', 1);
    const { mean: m, covariance } = gaussianMoments(state.layout, state.averaged);
    expect(m[0]).toBeCloseTo(mean[0]!, 1);
    expect(m[1]).toBeCloseTo(mean[1]!, 1);
    expectRelative(covariance[0]!, s1 * s1);
    expectRelative(covariance[3]!, s2 * s2);
    expect(covariance[1]! / Math.sqrt(covariance[0]! * covariance[3]!)).toBeCloseTo(rho, 1);
  });

  it('meanfield recovers the mean and the inverse diagonal of the precision', () => {
    const { state } = fit(target, 'meanfield', 2);
    const { mean: m, covariance } = gaussianMoments(state.layout, state.averaged);
    expect(m[0]).toBeCloseTo(mean[0]!, 1);
    expect(m[1]).toBeCloseTo(mean[1]!, 1);
    // KL(q‖p) is minimised at the conditional variances 1/Λᵢᵢ = σᵢ²(1 − ρ²), narrower than the marginals.
    expectRelative(covariance[0]!, s1 * s1 * (1 - rho * rho));
    expectRelative(covariance[3]!, s2 * s2 * (1 - rho * rho));
    expect(covariance[1]).toBe(0);
  });

  it('the ELBO rises towards log Z = log 2π σ₁σ₂√(1 − ρ²) and never exceeds it', () => {
    const { elbos } = fit(target, 'fullrank', 3);
    const logZ = Math.log(2 * Math.PI * s1 * s2 * Math.sqrt(1 - rho * rho));
    const last = elbos.slice(-200).reduce((a, b) => a + b, 0) / 200;
    expect(last).toBeLessThan(logZ + 0.05);
    expect(last).toBeGreaterThan(logZ - 0.05);
    expect(elbos[0]).toBeLessThan(last);
  });

  it('is reproducible with a seed', () => {
    expect(Array.from(fit(target, 'meanfield', 7, 200).state.averaged)).toEqual(Array.from(fit(target, 'meanfield', 7, 200).state.averaged));
    expect(Array.from(fit(target, 'meanfield', 7, 200).state.averaged)).not.toEqual(Array.from(fit(target, 'meanfield', 8, 200).state.averaged));
  });

  it("k̂ tells meanfield on a strongly correlated normal, or on a funnel, from full rank's exact fit", () => {
    const strong = correlatedGaussian(1, 1, 0.95);
    const exact = paretoK(strong, fit(strong, 'fullrank', 4).state);
    const narrow = paretoK(strong, fit(strong, 'meanfield', 4).state);
    expect(exact).toBeLessThan(0.5);
    expect(narrow).toBeGreaterThan(0.7);
    expect(paretoK(funnel(3), fit(funnel(3), 'meanfield', 5).state)).toBeGreaterThan(0.7);
  });

  it('skips a step whose draws have a log density that is not finite, and says so', () => {
    const halfLine: Target = {
      dimension: 1,
      logdensityAndGradient: (theta) => (theta[0]! < 0 ? { value: NaN, grad: Float64Array.of(NaN) } : { value: -theta[0]!, grad: Float64Array.of(-1) }),
    };
    const rng = Rng.seeded(1);
    const state = adviInit(rng, halfLine, Float64Array.of(30), 'meanfield');
    let skipped = 0;
    let current = state;
    for (let t = 0; t < 200; t++) {
      const { state: next, info } = adviStep(rng, current, { target: halfLine, samples: 10 });
      if (info.skipped) {
        skipped++;
        expect(next).toBe(current);
        expect(info.elbo).toBe(-Infinity);
      }
      current = next;
    }
    expect(skipped).toBeGreaterThan(0);
    expect(current.averaged.every(Number.isFinite)).toBe(true);
  });
});
