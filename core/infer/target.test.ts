import { describe, expect, it } from 'vitest';
import { evaluate, type Target } from './index.js';

const answering = (value: number, grad: number[] | (() => never)): Target => ({
  dimension: 2,
  logdensityAndGradient: () => {
    if (typeof grad === 'function') grad();
    return { value, grad: Float64Array.from(grad as number[]) };
  },
});

describe('guarded evaluation of a target', () => {
  it('copies the gradient, so a target may reuse its buffer', () => {
    const shared = Float64Array.of(1, 2);
    const t: Target = { dimension: 2, logdensityAndGradient: () => ({ value: -3, grad: shared }) };
    const out = new Float64Array(2);
    expect(evaluate(t, new Float64Array(2), out)).toBe(-3);
    shared[0] = 99;
    expect(Array.from(out)).toEqual([1, 2]);
  });

  it.each([
    ['a NaN log density', answering(NaN, [0, 0])],
    ['an infinite log density', answering(Infinity, [0, 0])],
    ['a log density of −∞', answering(-Infinity, [0, 0])],
    ['a NaN in the gradient', answering(0, [0, NaN])],
    ['an infinite gradient', answering(0, [-Infinity, 0])],
    ['a gradient of the wrong length', answering(0, [0])],
    [
      'an exception',
      answering(0, () => {
        throw new RangeError('σ must be positive');
      }),
    ],
  ])('reads %s as −∞, an unusable point', (_, t) => {
    expect(evaluate(t, new Float64Array(2), new Float64Array(2))).toBe(-Infinity);
  });
});
