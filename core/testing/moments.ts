import { expect } from 'vitest';

/**
 * Checks a sample's mean and variance against the true ones to within `z` standard errors. The standard
 * error of the variance uses the sample's own fourth central moment, so heavy-tailed families get the
 * wider band they need without per-test tuning.
 */
export function expectMoments(xs: ArrayLike<number>, mean: number, variance: number, z = 4): void {
  const n = xs.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += xs[i]!;
  m /= n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - m;
    m2 += d * d;
    m4 += d * d * d * d;
  }
  m2 /= n - 1;
  m4 /= n;
  const seMean = Math.sqrt(variance / n);
  const seVar = Math.sqrt(Math.max(m4 - m2 * m2, 0) / n);
  expect(Math.abs(m - mean), `sample mean ${m} vs ${mean}`).toBeLessThanOrEqual(z * seMean + 1e-12);
  expect(Math.abs(m2 - variance), `sample variance ${m2} vs ${variance}`).toBeLessThanOrEqual(z * seVar + 1e-12);
}

/** n draws into a Float64Array. */
export function sample(n: number, draw: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}
