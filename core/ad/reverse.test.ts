import { describe, expect, it } from 'vitest';
import { compileGradient, finiteDifferenceGradient, forwardGradient, node, ops, reverseGradient, Tape, trackerGradient, value, type Real } from './index.js';
import { expectGradientClose } from './test-support.js';

const DEPTH = 100_000;

/** A contraction repeated DEPTH / 2 times: 100k nodes in one chain, each depending on the one before. */
function deepChain([x, y]: readonly Real[]): Real {
  let s: Real = x!;
  for (let i = 0; i < DEPTH / 2; i++) s = ops.add(ops.mul(0.5, ops.sin(s)), y!);
  return s;
}

describe('deep chains', () => {
  const theta = [0.4, 0.3];
  const fd = finiteDifferenceGradient(deepChain, theta);

  it('reverse sweeps 100k nodes without recursion, and quickly', () => {
    const tape = new Tape();
    expectGradientClose(reverseGradient(deepChain, theta, tape), fd, 1e-6, 'first');
    const start = performance.now();
    const again = reverseGradient(deepChain, theta, tape);
    const ms = performance.now() - start;
    expectGradientClose(again, fd, 1e-6, 'reused tape');
    // Tens of milliseconds on a laptop; the bound only catches a quadratic or allocating sweep.
    expect(ms).toBeLessThan(1000);
  });

  it('the compiled tape replays 100k nodes', () => {
    const gradient = compileGradient(deepChain, [0.1, 0.2]);
    expectGradientClose(gradient(theta), fd, 1e-6, 'replayed');
  });

  it('tracker sorts 100k nodes without recursion', () => {
    expectGradientClose(trackerGradient(deepChain, theta), fd, 1e-6, 'tracker');
  });

  it('forward mode agrees', () => {
    expectGradientClose(forwardGradient(deepChain, theta), fd, 1e-6, 'forward');
  });
});

/** Different operations on either side of a branch on a parameter's value. */
function branchy([x, y]: readonly Real[]): Real {
  return value(x!) > 0 ? ops.mul(ops.exp(x!), y!) : ops.sub(ops.abs2(y!), ops.sin(x!));
}

describe('control flow', () => {
  it('plain reverse and tracker follow the branch taken at each point', () => {
    for (const theta of [
      [0.7, -1.2],
      [-0.7, -1.2],
    ]) {
      const fd = finiteDifferenceGradient(branchy, theta);
      expectGradientClose(reverseGradient(branchy, theta), fd, 1e-6, `reverse at ${theta}`);
      expectGradientClose(trackerGradient(branchy, theta), fd, 1e-6, `tracker at ${theta}`);
    }
  });
});

describe('misuse', () => {
  it('an AD value kept from an earlier evaluation is refused, not silently differentiated', () => {
    let kept: Real = 0;
    const keep = (t: readonly Real[]): Real => {
      if (kept === 0) kept = t[0]!;
      return ops.mul(kept, t[1]!);
    };
    const tape = new Tape();
    reverseGradient(keep, [1, 2], tape);
    expect(() => reverseGradient(keep, [1, 2], tape)).toThrow(/another gradient evaluation/);
    kept = 0;
    trackerGradient(keep, [1, 2]);
    expect(() => trackerGradient(keep, [1, 2])).toThrow(/another gradient evaluation/);
  });

  it('a hand-written node with repeated and plain inputs, on each reverse backend', () => {
    // d/dx of x·x + 3 written as one node: partials x, x and 0 for the constant.
    const f = ([x, y]: readonly Real[]): Real => ops.mul(node(value(x!) * value(x!) + 3, [x!, x!, 3], [value(x!), value(x!), 0]), y!);
    const fd = finiteDifferenceGradient(f, [1.5, -2]);
    expectGradientClose(reverseGradient(f, [1.5, -2]), fd, 1e-6, 'reverse');
    expectGradientClose(trackerGradient(f, [1.5, -2]), fd, 1e-6, 'tracker');
  });
});
