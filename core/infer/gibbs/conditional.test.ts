import { describe, expect, it } from 'vitest';
import { conditionalTarget, type DensityTarget, type GradientTarget } from './index.js';

/** f(θ) = Σᵢ (i + 1) θᵢ² / 2 + θ₀θ₂, with its gradient. */
const full: GradientTarget = {
  dimension: 3,
  discrete: [true, false, false],
  logdensity: (t) => 0.5 * (t[0]! ** 2 + 2 * t[1]! ** 2 + 3 * t[2]! ** 2) + t[0]! * t[2]!,
  logdensityAndGradient: (t) => ({
    value: full.logdensity(t),
    grad: Float64Array.of(t[0]! + t[2]!, 2 * t[1]!, 3 * t[2]! + t[0]!),
  }),
};

describe('conditional target', () => {
  it('is the full density with the other coordinates held, its gradient the block’s part of the full one', () => {
    const position = Float64Array.of(1, 2, 3);
    const c = conditionalTarget(full, [2, 0], position);
    expect(c.dimension).toBe(2);
    expect(c.discrete).toEqual([false, true]);
    expect(c.logdensity(Float64Array.of(-1, 4))).toBe(full.logdensity(Float64Array.of(4, 2, -1)));
    const g = c.logdensityAndGradient(Float64Array.of(-1, 4));
    expect(g.value).toBe(full.logdensity(Float64Array.of(4, 2, -1)));
    expect(g.grad).toEqual(Float64Array.of(-3 + 4, 4 - 1));
  });

  it('holds the values given at construction, whatever happens to the caller’s array after', () => {
    const position = Float64Array.of(1, 2, 3);
    const c = conditionalTarget(full, [1], position);
    const before = c.logdensity(Float64Array.of(5));
    position[0] = 100;
    expect(c.logdensity(Float64Array.of(5))).toBe(before);
  });

  it('has no gradient or discrete flags where the full target has none', () => {
    const plain: DensityTarget = { dimension: 2, logdensity: (t) => t[0]! + t[1]! };
    const c = conditionalTarget(plain, [1], Float64Array.of(1, 2));
    expect('logdensityAndGradient' in c).toBe(false);
    expect('discrete' in c).toBe(false);
    expect(c.logdensity(Float64Array.of(5))).toBe(6);
  });

  it('refuses blocks that do not fit the target, and block points of the wrong size', () => {
    const position = Float64Array.of(0, 0, 0);
    expect(() => conditionalTarget(full, [], position)).toThrow(/at least one coordinate/);
    expect(() => conditionalTarget(full, [3], position)).toThrow(/coordinate 3 is not one of the target's 3/);
    expect(() => conditionalTarget(full, [1.5], position)).toThrow(/coordinate 1.5/);
    expect(() => conditionalTarget(full, [1, 1], position)).toThrow(/appears twice/);
    expect(() => conditionalTarget(full, [1], Float64Array.of(0))).toThrow(/position has 1 coordinates, the target 3/);
    expect(() => conditionalTarget(full, [1], position).logdensity(Float64Array.of(0, 0))).toThrow(/block has 1 coordinates, given 2/);
  });
});
