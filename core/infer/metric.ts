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
  /** out = M⁻¹p; `out` must not alias `p`. The kinetic energy is then ½ p·out. */
  velocity(p: Float64Array, out: Float64Array): void;
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
    velocity(p, out) {
      for (let i = 0; i < d; i++) out[i] = inv[i]! * p[i]!;
    },
    sampleMomentum(rng, out) {
      for (let i = 0; i < d; i++) out[i] = scale[i]! * rng.normal();
    },
  };
}

export function unitMetric(dimension: number): Metric {
  return diagonalMetric(new Float64Array(dimension).fill(1));
}

/** A dense metric from a symmetric positive-definite d×d inverse mass matrix (column-major). */
export function denseMetric(inverseMass: Float64Array, dimension: number): Metric {
  const d = dimension;
  if (inverseMass.length !== d * d) throw new RangeError(`a dense ${d}×${d} inverse mass matrix needs ${d * d} values, got ${inverseMass.length}`);
  const inv = Float64Array.from(inverseMass);
  // M⁻¹ = LLᵀ, so p = L⁻ᵀu with u ~ N(0, I) has covariance (LLᵀ)⁻¹ = M.
  const l = cholesky(inv, d);
  if (l === null) throw new RangeError('inverse mass matrix must be symmetric positive definite');
  const u = new Float64Array(d);
  return {
    kind: 'dense',
    dimension: d,
    inverseMass: inv,
    velocity(p, out) {
      out.fill(0);
      for (let j = 0; j < d; j++) {
        const pj = p[j]!;
        const column = j * d;
        for (let i = 0; i < d; i++) out[i]! += inv[column + i]! * pj;
      }
    },
    sampleMomentum(rng, out) {
      for (let i = 0; i < d; i++) u[i] = rng.normal();
      out.set(backSubstTransposed(l, u, d));
    },
  };
}
