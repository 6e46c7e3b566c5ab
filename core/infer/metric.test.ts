import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/index.js';
import { denseMetric, diagonalMetric, unitMetric } from './index.js';

/** Sample covariance of n momentum draws. */
function momentumCovariance(draw: (out: Float64Array) => void, d: number, n: number): Float64Array {
  const p = new Float64Array(d);
  const sum = new Float64Array(d * d);
  for (let k = 0; k < n; k++) {
    draw(p);
    for (let j = 0; j < d; j++) for (let i = 0; i < d; i++) sum[i + j * d]! += p[i]! * p[j]!;
  }
  return sum.map((s) => s / n);
}

describe('metrics', () => {
  it('diagonal: K = ½pᵀM⁻¹p, velocity M⁻¹p, momenta with covariance M', () => {
    const m = diagonalMetric(Float64Array.of(4, 0.25));
    const v = new Float64Array(2);
    expect(m.kineticEnergy(Float64Array.of(1, 2), v)).toBe(0.5 * (4 + 1));
    expect(Array.from(v)).toEqual([4, 0.5]);
    const rng = Rng.seeded(1);
    const c = momentumCovariance((p) => m.sampleMomentum(rng, p), 2, 40_000);
    // Var(p) = 1/M⁻¹; the standard error of a variance estimate from n normals is v√(2/n).
    expect(c[0]).toBeCloseTo(0.25, 1);
    expect(Math.abs(c[3]! - 4)).toBeLessThan(4 * 4 * Math.sqrt(2 / 40_000));
  });

  it('dense: K = ½pᵀΣp, velocity Σp, momenta with covariance Σ⁻¹', () => {
    const sigma = Float64Array.of(2, 1.2, 1.2, 1); // column-major, symmetric
    const m = denseMetric(sigma, 2);
    const v = new Float64Array(2);
    expect(m.kineticEnergy(Float64Array.of(1, -1), v)).toBeCloseTo(0.5 * (2 - 2 * 1.2 + 1), 14);
    expect(v[0]).toBeCloseTo(0.8, 14);
    expect(v[1]).toBeCloseTo(0.2, 14);
    const rng = Rng.seeded(2);
    const c = momentumCovariance((p) => m.sampleMomentum(rng, p), 2, 40_000);
    const det = 2 * 1 - 1.2 * 1.2;
    const inverse = [1 / det, -1.2 / det, -1.2 / det, 2 / det];
    c.forEach((x, k) => expect(Math.abs(x - inverse[k]!)).toBeLessThan(0.05 * Math.abs(inverse[0]!)));
  });

  it('refuses inverse mass matrices that are no covariance', () => {
    expect(() => diagonalMetric(Float64Array.of(1, 0))).toThrow(/element 2 must be positive/);
    expect(() => diagonalMetric(Float64Array.of(NaN))).toThrow(RangeError);
    expect(() => denseMetric(Float64Array.of(1, 2, 2, 1), 2)).toThrow(/positive definite/);
    expect(() => denseMetric(Float64Array.of(1, 0, 0), 2)).toThrow(/needs 4 values/);
  });

  it('the unit metric is the identity', () => {
    expect(Array.from(unitMetric(3).inverseMass)).toEqual([1, 1, 1]);
  });
});
