import { expect } from 'vitest';
import { Rng } from '../rng/index.js';
import type { GradientResult } from './index.js';

/** Each component within rtol · max(1, |expected|): relative for large values, absolute near zero. */
export function expectGradientClose(actual: GradientResult, expected: GradientResult, rtol: number, label: string): void {
  const close = (a: number, b: number): boolean => Math.abs(a - b) <= rtol * Math.max(1, Math.abs(b));
  expect(close(actual.value, expected.value), `${label}: value ${actual.value} vs ${expected.value}`).toBe(true);
  expect(actual.grad.length, `${label}: gradient length`).toBe(expected.grad.length);
  for (let i = 0; i < expected.grad.length; i++) {
    expect(close(actual.grad[i]!, expected.grad[i]!), `${label}: ∂/∂θ[${i}] ${actual.grad[i]} vs ${expected.grad[i]}`).toBe(true);
  }
}

/** `count` points of dimension n with standard normal coordinates scaled by `scale`. */
export function randomPoints(seed: number, n: number, count: number, scale = 1): number[][] {
  const rng = Rng.seeded(seed);
  return Array.from({ length: count }, () => Array.from({ length: n }, () => scale * rng.normal()));
}
