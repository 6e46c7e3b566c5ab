import { backSubstTransposed, cholesky } from '../math/index.js';
import type { Rng } from '../rng/index.js';

/**
 * The Euclidean metric of HMC, given by the inverse mass matrix M⁻¹ (the posterior covariance it
 * approximates): kinetic energy K(p) = ½ pᵀM⁻¹p, momenta p ~ N(0, M), velocity dK/dp = M⁻¹p.
 */
export interface Metric {
  readonly kind: 'diagonal' | 'dense';
  readonly dimension: number;
  /** Diagonal: the d variances. Dense: the d×d matrix, column-major like core/math. */
  readonly inverseMass: Float64Array;
  /**
   * K(p) = ½pᵀM⁻¹p, writing dK/dp = M⁻¹p (the velocity) into `velocity`, which must not alias `p`: the
   * integrators need the velocity and the energy at the same momenta, so one pass gives both.
   */
  kineticEnergy(p: Float64Array, velocity: Float64Array): number;
  /** Draws p ~ N(0, M) into `out`. */
  sampleMomentum(rng: Rng, out: Float64Array): void;
}

export function diagonalMetric(inverseMass: Float64Array): Metric {
  const d = inverseMass.length;
  const scale = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const v = inverseMass[i]!;
    if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`inverse mass matrix: element ${i + 1} must be positive and finite, got ${v}`);
    scale[i] = 1 / Math.sqrt(v);
  }
  const inv = Float64Array.from(inverseMass);
  return {
    kind: 'diagonal',
    dimension: d,
    inverseMass: inv,
    kineticEnergy(p, velocity) {
      let k = 0;
      for (let i = 0; i < d; i++) {
        const v = inv[i]! * p[i]!;
        velocity[i] = v;
        k += p[i]! * v;
      }
      return 0.5 * k;
    },
    sampleMomentum(rng, out) {
      for (let i = 0; i < d; i++) out[i] = scale[i]! * rng.normal();
    },
  };
}

export function unitMetric(dimension: number): Metric {
  return diagonalMetric(new Float64Array(dimension).fill(1));
}

/**
 * A dense metric from a symmetric positive-definite d×d inverse mass matrix (column-major), of which only
 * the lower triangle is read, as the Cholesky factorisation reads it: the upper one is mirrored from it,
 * so that K and its gradient agree even when the input is symmetric only up to rounding.
 */
export function denseMetric(inverseMass: Float64Array, dimension: number): Metric {
  const d = dimension;
  if (inverseMass.length !== d * d) throw new RangeError(`a dense ${d}×${d} inverse mass matrix needs ${d * d} values, got ${inverseMass.length}`);
  const inv = Float64Array.from(inverseMass);
  for (let j = 0; j < d; j++) for (let i = j + 1; i < d; i++) inv[j + i * d] = inv[i + j * d]!;
  // M⁻¹ = LLᵀ, so p = L⁻ᵀu with u ~ N(0, I) has covariance (LLᵀ)⁻¹ = M.
  const l = cholesky(inv, d);
  if (l === null) throw new RangeError('inverse mass matrix must be symmetric positive definite');
  const u = new Float64Array(d);
  return {
    kind: 'dense',
    dimension: d,
    inverseMass: inv,
    kineticEnergy(p, velocity) {
      // M⁻¹ is symmetric, so row i is column i: each velocity is a dot product over contiguous memory.
      let k = 0;
      for (let i = 0; i < d; i++) {
        const column = i * d;
        let v = 0;
        for (let j = 0; j < d; j++) v += inv[column + j]! * p[j]!;
        velocity[i] = v;
        k += p[i]! * v;
      }
      return 0.5 * k;
    },
    sampleMomentum(rng, out) {
      for (let i = 0; i < d; i++) u[i] = rng.normal();
      out.set(backSubstTransposed(l, u, d));
    },
  };
}
