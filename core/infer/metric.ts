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
  /**
   * A momentum kick and the position drift after it: p += kick·g, v = M⁻¹p, q += drift·v. One pass for a
   * diagonal metric where the three were three (a fifth of a 100-d normal's leapfrog step); the same
   * arithmetic, element by element, as the three in turn.
   */
  kickDrift(p: Float64Array, gradient: Float64Array, kick: number, q: Float64Array, drift: number, velocity: Float64Array): void;
  /** A momentum kick, p += kick·g, then `kineticEnergy` at the new momenta, in one pass where the metric allows. */
  kickKinetic(p: Float64Array, gradient: Float64Array, kick: number, velocity: Float64Array): number;
  /** Draws p ~ N(0, M) into `out`. */
  sampleMomentum(rng: Rng, out: Float64Array): void;
}

export function diagonalMetric(inverseMass: Float64Array): Metric {
  return new DiagonalMetric(inverseMass);
}

/**
 * Metrics are classes, not object literals with closures: adaptation makes a new metric at every window,
 * and a new closure is a new call target, so the integrator and the NUTS tree builder that had inlined the
 * old one were deoptimised and compiled again (twice a warm-up, ~80 ms of TurboFan work on a compile
 * thread that two chains on two cores must share).
 */
class DiagonalMetric implements Metric {
  readonly kind = 'diagonal';
  readonly dimension: number;
  readonly inverseMass: Float64Array;
  private readonly scale: Float64Array;

  constructor(inverseMass: Float64Array) {
    const d = inverseMass.length;
    this.scale = new Float64Array(d);
    for (let i = 0; i < d; i++) {
      const v = inverseMass[i]!;
      if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`inverse mass matrix: element ${i + 1} must be positive and finite, got ${v}`);
      this.scale[i] = 1 / Math.sqrt(v);
    }
    this.dimension = d;
    this.inverseMass = Float64Array.from(inverseMass);
  }

  kineticEnergy(p: Float64Array, velocity: Float64Array): number {
    const inv = this.inverseMass;
    let k = 0;
    for (let i = 0; i < this.dimension; i++) {
      const v = inv[i]! * p[i]!;
      velocity[i] = v;
      k += p[i]! * v;
    }
    return 0.5 * k;
  }

  kickDrift(p: Float64Array, gradient: Float64Array, kick: number, q: Float64Array, drift: number, velocity: Float64Array): void {
    const inv = this.inverseMass;
    for (let i = 0; i < this.dimension; i++) {
      const pi = p[i]! + kick * gradient[i]!;
      p[i] = pi;
      const v = inv[i]! * pi;
      velocity[i] = v;
      q[i]! += drift * v;
    }
  }

  kickKinetic(p: Float64Array, gradient: Float64Array, kick: number, velocity: Float64Array): number {
    const inv = this.inverseMass;
    let k = 0;
    for (let i = 0; i < this.dimension; i++) {
      const pi = p[i]! + kick * gradient[i]!;
      p[i] = pi;
      const v = inv[i]! * pi;
      velocity[i] = v;
      k += pi * v;
    }
    return 0.5 * k;
  }

  sampleMomentum(rng: Rng, out: Float64Array): void {
    for (let i = 0; i < this.dimension; i++) out[i] = this.scale[i]! * rng.normal();
  }
}

function kickMomentum(p: Float64Array, gradient: Float64Array, kick: number): void {
  for (let i = 0; i < p.length; i++) p[i]! += kick * gradient[i]!;
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
  return new DenseMetric(inverseMass, dimension);
}

class DenseMetric implements Metric {
  readonly kind = 'dense';
  readonly dimension: number;
  readonly inverseMass: Float64Array;
  private readonly factor: Float64Array;
  private readonly standard: Float64Array;

  constructor(inverseMass: Float64Array, dimension: number) {
    const d = dimension;
    if (inverseMass.length !== d * d) throw new RangeError(`a dense ${d}×${d} inverse mass matrix needs ${d * d} values, got ${inverseMass.length}`);
    const inv = Float64Array.from(inverseMass);
    for (let j = 0; j < d; j++) for (let i = j + 1; i < d; i++) inv[j + i * d] = inv[i + j * d]!;
    // M⁻¹ = LLᵀ, so p = L⁻ᵀu with u ~ N(0, I) has covariance (LLᵀ)⁻¹ = M.
    const l = cholesky(inv, d);
    if (l === null) throw new RangeError('inverse mass matrix must be symmetric positive definite');
    this.dimension = d;
    this.inverseMass = inv;
    this.factor = l;
    this.standard = new Float64Array(d);
  }

  kineticEnergy(p: Float64Array, velocity: Float64Array): number {
    // M⁻¹ is symmetric, so row i is column i: each velocity is a dot product over contiguous memory.
    const inv = this.inverseMass;
    const d = this.dimension;
    let k = 0;
    for (let i = 0; i < d; i++) {
      const column = i * d;
      let v = 0;
      for (let j = 0; j < d; j++) v += inv[column + j]! * p[j]!;
      velocity[i] = v;
      k += p[i]! * v;
    }
    return 0.5 * k;
  }

  // A velocity needs every momentum first: the kick, the product and the drift stay passes of their own.
  kickDrift(p: Float64Array, gradient: Float64Array, kick: number, q: Float64Array, drift: number, velocity: Float64Array): void {
    kickMomentum(p, gradient, kick);
    this.kineticEnergy(p, velocity);
    for (let i = 0; i < this.dimension; i++) q[i]! += drift * velocity[i]!;
  }

  kickKinetic(p: Float64Array, gradient: Float64Array, kick: number, velocity: Float64Array): number {
    kickMomentum(p, gradient, kick);
    return this.kineticEnergy(p, velocity);
  }

  sampleMomentum(rng: Rng, out: Float64Array): void {
    const u = this.standard;
    for (let i = 0; i < this.dimension; i++) u[i] = rng.normal();
    out.set(backSubstTransposed(this.factor, u, this.dimension));
  }
}
