import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileGradient, ops, reverseGradient, type Real } from './index.js';

const ulps = (a: number, b: number): number => Math.abs(a - b) / (Number.EPSILON * Math.abs(b));

describe('powers and log-sum-exps', () => {
  afterEach(() => vi.restoreAllMocks());

  it("differentiate aᵇ with one Math.pow per replayed node, its partial b aᵇ⁻¹ to a few ulps", () => {
    const f = ([a, b]: readonly Real[]): Real => ops.add(ops.pow(a!, 7), ops.pow(a!, b!));
    const gradient = compileGradient(f, [1.3, 2.2]);
    const pow = vi.spyOn(Math, 'pow');
    const { grad } = gradient([0.83, -1.7]);
    expect(pow).toHaveBeenCalledTimes(2);
    expect(ulps(grad[0]!, 7 * 0.83 ** 6 - 1.7 * 0.83 ** -2.7)).toBeLessThan(8);
  });

  it('take the second power where aᵇ over- or underflowed, or a is 0', () => {
    const partial = (a: number, b: number): number => reverseGradient(([x]) => ops.pow(x!, b), [a]).grad[0]!;
    expect(partial(1e-200, 2)).toBe(2e-200);
    expect(partial(1e200, 2)).toBe(2 * 1e200);
    expect(partial(0, 1)).toBe(1);
    expect(partial(0, 3)).toBe(0);
    expect(partial(-2, 3)).toBe(12);
    expect(partial(2, 0)).toBe(0);
  });

  it('give the softmax weights as partials with one exp per term, to a few ulps however large the log-sum', () => {
    const x = [1000.5, 999, 1001.25, -Infinity];
    const exp = vi.spyOn(Math, 'exp');
    const { value, grad } = reverseGradient((t) => ops.logsumexpOf(t), x);
    expect(exp).toHaveBeenCalledTimes(4);
    const m = 1001.25;
    const s = x.reduce((acc, xi) => acc + Math.exp(xi - m), 0);
    expect(value).toBe(m + Math.log(s));
    for (let i = 0; i < 3; i++) expect(ulps(grad[i]!, Math.exp(x[i]! - m) / s)).toBeLessThan(4);
    expect(grad[3]).toBe(0);
  });
});
