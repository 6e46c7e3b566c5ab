import { expect } from 'vitest';
import { drawsMatrix } from '../chains/index.js';
import { mcseMean } from '../diagnostics/index.js';
import type { ChainResult, Target } from './index.js';

/** Independent normals N(μᵢ, σᵢ²). */
export function gaussian(means: readonly number[], sds: readonly number[]): Target {
  const d = means.length;
  const grad = new Float64Array(d);
  return {
    dimension: d,
    logdensityAndGradient(theta) {
      let value = 0;
      for (let i = 0; i < d; i++) {
        const z = (theta[i]! - means[i]!) / sds[i]!;
        value -= 0.5 * z * z;
        grad[i] = -z / sds[i]!;
      }
      return { value, grad };
    },
  };
}

/** A bivariate normal with mean 0, standard deviations s₁, s₂ and correlation ρ. */
export function correlatedGaussian(s1: number, s2: number, rho: number): Target {
  const grad = new Float64Array(2);
  const c = 1 - rho * rho;
  return {
    dimension: 2,
    logdensityAndGradient(theta) {
      const a = theta[0]! / s1;
      const b = theta[1]! / s2;
      grad[0] = -(a - rho * b) / (c * s1);
      grad[1] = -(b - rho * a) / (c * s2);
      return { value: -(a * a - 2 * rho * a * b + b * b) / (2 * c), grad };
    },
  };
}

/** Neal's funnel: v ~ N(0, 3²), xᵢ | v ~ N(0, eᵛ), in the centred parametrisation that makes NUTS diverge. */
export function funnel(dimension: number): Target {
  const grad = new Float64Array(dimension);
  const n = dimension - 1;
  return {
    dimension,
    logdensityAndGradient(theta) {
      const v = theta[0]!;
      const precision = Math.exp(-v);
      let sumSquares = 0;
      for (let i = 1; i <= n; i++) {
        const x = theta[i]!;
        sumSquares += x * x;
        grad[i] = -x * precision;
      }
      grad[0] = -v / 9 + 0.5 * sumSquares * precision - 0.5 * n;
      return { value: -(v * v) / 18 - 0.5 * sumSquares * precision - 0.5 * n * v, grad };
    },
  };
}

/** A standard normal cut to θ₁ > 0 without a transform, answering outside either −∞ or by throwing. */
export function halfNormal(dimension: number, outside: 'infinite' | 'throw'): Target {
  const inner = gaussian(new Array<number>(dimension).fill(0), new Array<number>(dimension).fill(1));
  return {
    dimension,
    logdensityAndGradient(theta) {
      if (theta[0]! <= 0) {
        if (outside === 'throw') throw new RangeError('θ₁ must be positive');
        return { value: -Infinity, grad: new Float64Array(dimension) };
      }
      return inner.logdensityAndGradient(theta);
    },
  };
}

/** Column j of a row-major block with `width` columns. */
export function column(block: Float64Array, width: number, j: number): Float64Array {
  const n = block.length / width;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = block[i * width + j]!;
  return out;
}

/** A sampler statistic of the kept draws, by name. */
export function statColumn(result: ChainResult, name: string): Float64Array {
  const j = result.statNames.indexOf(name);
  if (j < 0) throw new RangeError(`no statistic '${name}'`);
  return column(result.sampling.stats, result.statNames.length, j);
}

/** Monte Carlo standard error of a chain's mean, from its ESS (core/diagnostics). */
export function mcse(xs: Float64Array): number {
  return mcseMean(drawsMatrix(xs, xs.length, 1));
}

/**
 * Coordinate j of the kept draws has the given mean and variance to within z Monte Carlo standard errors;
 * the variance is checked as the mean of (θ − μ)², with that series' own MCSE.
 */
export function expectMoments(result: ChainResult, j: number, mean: number, variance: number, z = 4): void {
  const xs = column(result.sampling.draws, result.dimension, j);
  const squares = xs.map((x) => (x - mean) ** 2);
  const average = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
  expect(Math.abs(average(xs) - mean), `mean of θ${j + 1}`).toBeLessThan(z * mcse(xs));
  expect(Math.abs(average(squares) - variance), `variance of θ${j + 1}`).toBeLessThan(z * mcse(squares));
}
