import { describe, expect, it } from 'vitest';
import { compileGradient, compileValues, nodeByRule, ops, reverseGradient, type Real, type Recompute } from './index.js';

/** exp(x₀ + c) as a rule that counts its calls. */
function countingRule(): { rule: Recompute; calls: () => number } {
  let calls = 0;
  const rule: Recompute = (x, p) => {
    calls++;
    const v = Math.exp(x[0]! + x[1]!);
    p[0] = v;
    p[1] = v;
    return v;
  };
  return { rule, calls: () => calls };
}

describe('a compiled tape replays a node that repeats an earlier one', () => {
  it('by copying it: the rule runs once per replay, and value and gradient are those of a fresh recording bit for bit', () => {
    const { rule, calls } = countingRule();
    // A forward algorithm's shape: the same transform of a parameter recomputed at every step, mixed with new work.
    const f = ([a, b]: readonly Real[]): Real => {
      let acc: Real = 0;
      for (let t = 0; t < 6; t++) acc = ops.add(ops.mul(acc, b!), ops.log(nodeByRule([a!, 0.5], rule)));
      return acc;
    };
    const gradient = compileGradient(f, [0.3, 0.8]);
    for (const theta of [[-0.4, 0.9], [1.1, -0.2]]) {
      const before = calls();
      const replayed = gradient(theta);
      expect(calls() - before).toBe(1);
      const fresh = reverseGradient(f, theta);
      expect(replayed.value).toBe(fresh.value);
      expect(Array.from(replayed.grad)).toEqual(Array.from(fresh.grad));
    }
  });

  it('only for the same operands: other inputs, other constants and −0 against 0 replay through the rule', () => {
    const { rule, calls } = countingRule();
    // π or −π by the sign of the zero.
    const signed: Recompute = (x, p) => {
      p[0] = 1;
      p[1] = 0;
      return x[0]! + Math.atan2(x[1]!, -1);
    };
    const f = ([a, b]: readonly Real[]): Real =>
      ops.sumOf([nodeByRule([a!, 0], rule), nodeByRule([b!, 0], rule), nodeByRule([a!, 1], rule), nodeByRule([a!, 0], signed), nodeByRule([a!, -0], signed)]);
    const gradient = compileGradient(f, [0.3, 0.8]);
    const before = calls();
    const replayed = gradient([-0.4, 0.9]);
    expect(calls() - before).toBe(3);
    expect(replayed.value).toBe(reverseGradient(f, [-0.4, 0.9]).value);
  });

  it('also when only the repeat is asked for: a replay for values computes the node it copies', () => {
    const { rule } = countingRule();
    const f = ([a]: readonly Real[]): Real[] => {
      nodeByRule([a!, 2], rule);
      return [nodeByRule([a!, 2], rule)];
    };
    const values = compileValues(f, [0.1]);
    expect(values([0.7])[0]).toBe(Math.exp(2.7));
  });
});
