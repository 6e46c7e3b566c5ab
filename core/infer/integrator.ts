import type { Metric } from './metric.js';
import type { PhasePoint } from './phase-point.js';
import { evaluate, type Target } from './target.js';

/**
 * A symmetric splitting integrator as BlackJAX writes them: a palindromic table b₁ a₁ b₂ … a₁ b₁ where
 * entries at even places scale a momentum kick (p += bε∇log π) and entries at odd places a position
 * drift (q += aεM⁻¹p). Each drift costs one gradient.
 */
export interface Integrator {
  readonly name: string;
  readonly coefficients: readonly number[];
}

/** Leapfrog: second order, one gradient a step; what Stan and Turing use. */
export const velocityVerlet: Integrator = { name: 'leapfrog', coefficients: [0.5, 1, 0.5] };

/** McLachlan's two-stage minimal-norm integrator: second order, two gradients a step, a smaller error constant. */
const MCLACHLAN_B = 0.1931833275037836;
export const mclachlan: Integrator = { name: 'mclachlan', coefficients: [MCLACHLAN_B, 0.5, 1 - 2 * MCLACHLAN_B, 0.5, MCLACHLAN_B] };

/** Yoshida's (Forest–Ruth) fourth-order integrator: three gradients a step. */
const YOSHIDA_A = 1 / (2 - Math.cbrt(2));
export const yoshida: Integrator = {
  name: 'yoshida',
  coefficients: [YOSHIDA_A / 2, YOSHIDA_A, (1 - YOSHIDA_A) / 2, 1 - 2 * YOSHIDA_A, (1 - YOSHIDA_A) / 2, YOSHIDA_A, YOSHIDA_A / 2],
};

export function gradientsPerStep(integrator: Integrator): number {
  return (integrator.coefficients.length - 1) / 2;
}

/**
 * Advances z in place by `steps` steps of size ε (negative ε integrates backwards in time). Returns false
 * as soon as the log density or its gradient is unusable; z's log density is then −∞, so its energy is +∞.
 */
export function integrate(target: Target, metric: Metric, integrator: Integrator, z: PhasePoint, stepSize: number, steps = 1): boolean {
  const c = integrator.coefficients;
  const last = c.length - 1;
  const q = z.position;
  const p = z.momentum;
  const g = z.gradient;
  const v = z.velocity;
  for (let s = 0; s < steps; s++) {
    // The table alternates kicks and drifts and ends with a kick: each kick but the last leads into a drift.
    for (let k = 0; k < last; k += 2) {
      metric.kickDrift(p, g, c[k]! * stepSize, q, c[k + 1]! * stepSize, v);
      z.logdensity = evaluate(target, q, g);
      if (z.logdensity === -Infinity) return false;
    }
    z.kinetic = metric.kickKinetic(p, g, c[last]! * stepSize, v);
  }
  return true;
}
