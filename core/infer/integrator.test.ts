import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/index.js';
import { diagonalMetric, denseMetric, gradientsPerStep, hamiltonian, integrate, mclachlan, phasePoint, startPoint, velocityVerlet, yoshida, initState, type Integrator, type Metric, type Target } from './index.js';
import { correlatedGaussian, gaussian, halfNormal } from './test-support.js';

const target = gaussian([1, -2, 0.5, 3], [0.5, 1, 2, 4]);
const metric = diagonalMetric(Float64Array.of(0.3, 1, 3, 10));

/** A fresh phase point at a fixed start with a fixed momentum draw. */
function start(t: Target, m: Metric, seed: number) {
  const z = phasePoint(t.dimension);
  startPoint(z, initState(new Float64Array(t.dimension).fill(0.7), t), m, Rng.seeded(seed));
  return z;
}

/** The largest |H − H0| over a trajectory of total time `time` in `steps` steps. */
function maxEnergyError(integrator: Integrator, steps: number, time = 1.5): number {
  const z = start(target, metric, 1);
  const h0 = hamiltonian(z);
  let worst = 0;
  for (let s = 0; s < steps; s++) {
    expect(integrate(target, metric, integrator, z, time / steps)).toBe(true);
    worst = Math.max(worst, Math.abs(hamiltonian(z) - h0));
  }
  return worst;
}

describe('integrators', () => {
  it.each([
    { integrator: velocityVerlet, order: 2 },
    { integrator: mclachlan, order: 2 },
    { integrator: yoshida, order: 4 },
  ])('$integrator.name: halving ε divides the energy error by 2^$order', ({ integrator, order }) => {
    const errors = [20, 40, 80].map((steps) => maxEnergyError(integrator, steps));
    for (let k = 1; k < errors.length; k++) {
      const ratio = errors[k - 1]! / errors[k]!;
      expect(ratio).toBeGreaterThan(2 ** order * 0.85);
      expect(ratio).toBeLessThan(2 ** order * 1.15);
    }
  });

  it('costs one gradient a drift', () => {
    expect([velocityVerlet, mclachlan, yoshida].map(gradientsPerStep)).toEqual([1, 2, 3]);
  });

  it("McLachlan's error constant is smaller than leapfrog's at the same gradient cost", () => {
    expect(maxEnergyError(mclachlan, 20)).toBeLessThan(maxEnergyError(velocityVerlet, 40));
  });

  it.each([velocityVerlet, mclachlan, yoshida])('$name is reversible: flipping the momentum retraces the trajectory', (integrator) => {
    for (const [t, m] of [
      [target, metric],
      [correlatedGaussian(1, 2, 0.8), denseMetric(Float64Array.of(1, 1.6, 1.6, 4), 2)],
    ] as const) {
      const z = start(t, m, 2);
      const q0 = Float64Array.from(z.position);
      const p0 = Float64Array.from(z.momentum);
      expect(integrate(t, m, integrator, z, 0.1, 25)).toBe(true);
      z.momentum.forEach((p, i) => (z.momentum[i] = -p));
      expect(integrate(t, m, integrator, z, 0.1, 25)).toBe(true);
      z.position.forEach((q, i) => expect(q).toBeCloseTo(q0[i]!, 10));
      z.momentum.forEach((p, i) => expect(-p).toBeCloseTo(p0[i]!, 10));
    }
  });

  it('a negative step size integrates backwards', () => {
    const z = start(target, metric, 3);
    const q0 = Float64Array.from(z.position);
    integrate(target, metric, velocityVerlet, z, 0.2, 5);
    integrate(target, metric, velocityVerlet, z, -0.2, 5);
    z.position.forEach((q, i) => expect(q).toBeCloseTo(q0[i]!, 10));
  });

  it.each(['infinite', 'throw'] as const)('stops where the target answers %s, leaving infinite energy', (outside) => {
    const t = halfNormal(2, outside);
    const m = diagonalMetric(Float64Array.of(1, 1));
    const z = phasePoint(2);
    startPoint(z, initState(Float64Array.of(0.1, 0), t), m, Rng.seeded(4));
    z.momentum.set([-1, 0]);
    expect(integrate(t, m, velocityVerlet, z, 0.5, 10)).toBe(false);
    expect(hamiltonian(z)).toBe(Infinity);
  });
});
