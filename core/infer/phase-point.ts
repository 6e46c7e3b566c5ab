import type { Metric } from './metric.js';
import type { Rng } from '../rng/index.js';

/**
 * A point of phase space, updated in place by the integrators so that a trajectory allocates nothing.
 * `velocity` is M⁻¹p (Stan's p♯), kept because the U-turn criterion and the kinetic energy both need it.
 */
export interface PhasePoint {
  readonly position: Float64Array;
  readonly momentum: Float64Array;
  /** ∇ log density at `position`. */
  readonly gradient: Float64Array;
  readonly velocity: Float64Array;
  logdensity: number;
  kinetic: number;
}

export function phasePoint(dimension: number): PhasePoint {
  return {
    position: new Float64Array(dimension),
    momentum: new Float64Array(dimension),
    gradient: new Float64Array(dimension),
    velocity: new Float64Array(dimension),
    logdensity: -Infinity,
    kinetic: 0,
  };
}

export function copyPoint(from: PhasePoint, to: PhasePoint): void {
  to.position.set(from.position);
  to.momentum.set(from.momentum);
  to.gradient.set(from.gradient);
  to.velocity.set(from.velocity);
  to.logdensity = from.logdensity;
  to.kinetic = from.kinetic;
}

/** H = K − log π, with NaN read as +∞ (as Stan does) so that every comparison rejects it. */
export function hamiltonian(z: PhasePoint): number {
  const h = z.kinetic - z.logdensity;
  return Number.isNaN(h) ? Infinity : h;
}

/** Recomputes the velocity and kinetic energy after the momentum changed. */
export function updateKinetic(z: PhasePoint, metric: Metric): void {
  z.kinetic = metric.kineticEnergy(z.momentum, z.velocity);
}

/** Places z at a state's position with a fresh momentum p ~ N(0, M). */
export function startPoint(
  z: PhasePoint,
  state: { readonly position: Float64Array; readonly gradient: Float64Array; readonly logdensity: number },
  metric: Metric,
  rng: Rng,
): void {
  z.position.set(state.position);
  z.gradient.set(state.gradient);
  z.logdensity = state.logdensity;
  metric.sampleMomentum(rng, z.momentum);
  updateKinetic(z, metric);
}
