import { expect } from 'vitest';
import { DistributionArgumentError } from '../types.js';
import { finiteDifferenceGradient, forwardGradient, value, type Real } from '../../ad/index.js';
import { expectReplayableNodes } from '../../testing/replay.js';

/** |actual − expected| ≤ rtol · max(1, |expected|): relative for large values, absolute near zero. */
export function expectClose(actual: Real, expected: number, rtol = 1e-10, label?: string): void {
  const a = value(actual);
  expect(Math.abs(a - expected), label ?? `${a} vs ${expected}`).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(expected)));
}

/**
 * The hand-derived partials (through the forward backend) against central differences of the same
 * function. Finite differences carry O(h²) truncation and O(ε/h) rounding, hence the loose tolerance.
 * Every node f builds must also bring a recompute rule that reproduces it (what a compiled tape replays).
 */
export function expectGradientsMatch(f: (theta: readonly Real[]) => Real, theta: readonly number[], rtol = 1e-6): void {
  expectReplayableNodes(f, theta, `at [${theta.join(', ')}]`);
  const ad = forwardGradient(f, theta);
  const fd = finiteDifferenceGradient(f, theta);
  expect(Number.isFinite(ad.value), `value ${ad.value}`).toBe(true);
  expectClose(ad.value, fd.value, 1e-12, 'value');
  for (let i = 0; i < theta.length; i++) expectClose(ad.grad[i]!, fd.grad[i]!, rtol, `∂/∂θ[${i}]: AD ${ad.grad[i]} vs FD ${fd.grad[i]}`);
}

/** Throws a DistributionArgumentError with exactly this message. */
export function expectArgumentError(build: () => unknown, message: string): void {
  let caught: unknown;
  try {
    build();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DistributionArgumentError);
  expect((caught as Error).message).toBe(message);
}
