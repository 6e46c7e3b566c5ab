import { describe, expect, it } from 'vitest';
import type { DrawsMatrix } from '../../chains/index.js';
import { cholesky, inverseFromCholesky, matVec } from '../../math/index.js';
import { Rng } from '../../rng/index.js';
import { expectMean, expectMoments, run } from '../gibbs/test-support.js';
import { ellipticalSlice, type EllipticalTarget } from './index.js';

const prior = { mean: Float64Array.of(1, -1), covariance: Float64Array.of(2, 0.6, 0.6, 1) };
const priorFactor = cholesky(prior.covariance, 2)!;
/** Observations y ~ N(θ, σ² I). */
const noise = 1.5;
const observations = [Float64Array.of(0.2, 0.4), Float64Array.of(-0.5, 1.1), Float64Array.of(0.9, 0.3), Float64Array.of(0.1, 0.8)];

function gaussianTarget(loglikelihood: (theta: Float64Array) => number = gaussianLoglikelihood): EllipticalTarget {
  return {
    dimension: 2,
    priorMean: prior.mean,
    drawPriorDeviation: (rng) => matVec(priorFactor, [rng.normal(), rng.normal()], 2, 2),
    loglikelihood,
  };
}

function gaussianLoglikelihood(theta: Float64Array): number {
  let s = 0;
  for (const y of observations) s += (y[0]! - theta[0]!) ** 2 + (y[1]! - theta[1]!) ** 2;
  return -s / (2 * noise * noise);
}

/** The conjugate posterior: precision Σ₀⁻¹ + (n/σ²) I, mean its inverse times Σ₀⁻¹μ₀ + (n/σ²) ȳ. */
function posterior(): { mean: Float64Array; covariance: Float64Array } {
  const priorPrecision = inverseFromCholesky(priorFactor, 2);
  const w = observations.length / (noise * noise);
  const precision = Float64Array.from(priorPrecision, (v, k) => v + (k === 0 || k === 3 ? w : 0));
  const covariance = inverseFromCholesky(cholesky(precision, 2)!, 2);
  const ybar = [0, 1].map((i) => observations.reduce((s, y) => s + y[i]!, 0) / observations.length);
  const pm = matVec(priorPrecision, prior.mean, 2, 2);
  return { mean: matVec(covariance, [pm[0]! + w * ybar[0]!, pm[1]! + w * ybar[1]!], 2, 2), covariance };
}

describe('elliptical slice sampling', () => {
  it('recovers a conjugate Gaussian posterior', () => {
    const { mean, covariance } = posterior();
    const { coordinates } = run(ellipticalSlice, gaussianTarget(), undefined, Float64Array.of(0, 0), { seed: 31, chains: 4, draws: 2500, warmup: 100 });
    const [x, y] = coordinates as [DrawsMatrix, DrawsMatrix];
    expectMoments(x, mean[0]!, covariance[0]!, 'θ₀');
    expectMoments(y, mean[1]!, covariance[3]!, 'θ₁');
    expectMean({ ...x, data: x.data.map((v, k) => (v - mean[0]!) * (y.data[k]! - mean[1]!)) }, covariance[1]!, 'covariance');
  });

  it('reports the log-likelihood at the new position and the shrinkages it took', () => {
    const target = gaussianTarget();
    const rng = Rng.seeded(32);
    let state = ellipticalSlice.init(Float64Array.of(0, 0), target);
    let shrunk = 0;
    for (let t = 0; t < 100; t++) {
      const { state: next, info } = ellipticalSlice.step(rng, state);
      expect(info.lp).toBe(target.loglikelihood(next.position));
      expect(next.position).not.toEqual(state.position);
      shrunk += info.shrinkages;
      state = next;
    }
    expect(shrunk).toBeGreaterThan(0);
  });

  it('treats a throwing likelihood as off the slice and records the message', () => {
    const target = gaussianTarget((theta) => {
      if (theta[0]! > 0.5) throw new Error('Normal: σ must be positive, got 0');
      return gaussianLoglikelihood(theta);
    });
    const { coordinates, infos } = run(ellipticalSlice, target, undefined, Float64Array.of(0, 0), { seed: 33, chains: 1, draws: 300, warmup: 0 });
    expect(coordinates[0]!.data.every((v) => v <= 0.5)).toBe(true);
    expect(infos.some((i) => i.error === 'Normal: σ must be positive, got 0')).toBe(true);
  });

  it('leaves a start where the likelihood is not finite, and gives up where no point is on the slice', () => {
    const outside = gaussianTarget((theta) => (theta[0]! < -5 ? -Infinity : gaussianLoglikelihood(theta)));
    const moved = ellipticalSlice.step(Rng.seeded(34), ellipticalSlice.init(Float64Array.of(-6, 0), outside));
    expect(moved.state.position[0]).toBeGreaterThanOrEqual(-5);
    const nowhere = gaussianTarget(() => -Infinity);
    const start = ellipticalSlice.init(Float64Array.of(0, 0), nowhere);
    const stuck = ellipticalSlice.step(Rng.seeded(35), start);
    expect(stuck.state).toBe(start);
    expect(stuck.info.shrinkages).toBe(200);
  });

  it('is deterministic', () => {
    const options = { seed: 36, chains: 2, draws: 100, warmup: 0 };
    const a = run(ellipticalSlice, gaussianTarget(), undefined, Float64Array.of(0, 0), options);
    const b = run(ellipticalSlice, gaussianTarget(), undefined, Float64Array.of(0, 0), options);
    expect(b.coordinates[0]!.data).toEqual(a.coordinates[0]!.data);
    expect(b.infos).toEqual(a.infos);
  });

  it('refuses a start or prior mean of the wrong size', () => {
    expect(() => ellipticalSlice.init(Float64Array.of(0), gaussianTarget())).toThrow(/position has 1 coordinates, the target 2/);
    expect(() => ellipticalSlice.init(Float64Array.of(0, 0), { ...gaussianTarget(), priorMean: Float64Array.of(0) })).toThrow(/prior mean has 1/);
  });
});
