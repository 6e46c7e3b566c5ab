import type { Metric } from './metric.js';
import { updateKinetic, type PhasePoint } from './phase-point.js';
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
  const q = z.position;
  const p = z.momentum;
  const g = z.gradient;
  const v = z.velocity;
  const d = q.length;
  for (let s = 0; s < steps; s++) {
    for (let k = 0; k < c.length; k++) {
      const h = c[k]! * stepSize;
      if (k % 2 === 0) {
        for (let i = 0; i < d; i++) p[i]! += h * g[i]!;
        continue;
      }
      metric.kineticEnergy(p, v);
      for (let i = 0; i < d; i++) q[i]! += h * v[i]!;
      z.logdensity = evaluate(target, q, g);
      if (z.logdensity === -Infinity) return false;
    }
    updateKinetic(z, metric);
  }
  return true;
}
