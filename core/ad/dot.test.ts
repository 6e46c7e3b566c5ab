import { describe, expect, it } from 'vitest';
import { ADNum, compileGradient, finiteDifferenceGradient, ops, reverseGradient, value, type NodeFactory, type Real } from './index.js';
import { expectReplayableNodes } from '../testing/replay.js';
import { expectGradientClose } from './test-support.js';

class Counted extends ADNum {
  constructor(
    readonly v: number,
    readonly backend: InputCounter,
  ) {
    super();
  }
}

/** A backend that keeps how many inputs each node was given. */
class InputCounter implements NodeFactory {
  readonly arities: number[] = [];

  node(v: number, inputs: readonly Real[]): ADNum {
    this.arities.push(inputs.length);
    return new Counted(v, this);
  }
}

const row = [0.5, -1.25, 2, 3.5];

describe('dot of data and parameters', () => {
  it('is one node over the parameters alone, whichever side the data is on', () => {
    const counter = new InputCounter();
    const beta = [0.1, 0.2, -0.3, 0.4].map((b) => new Counted(b, counter));
    const expected = row.reduce((s, x, i) => s + x * value(beta[i]!), 0);
    expect(value(ops.dotOf(row, beta))).toBe(expected);
    expect(value(ops.dotOf(beta, row))).toBe(expected);
    expect(counter.arities).toEqual([4, 4]);
  });

  it('brings a rule that gives its value and partials, for both sides and for two parameter vectors', () => {
    expectReplayableNodes((t) => [ops.dotOf(row, t), ops.dotOf(t, row), ops.dotOf(t, [...t].reverse()), ops.dotOf([1, t[0]!, 2, t[1]!], t)], [0.3, -0.7, 1.1, 2]);
  });

  it('replays on a compiled tape with the data as recorded, even when the array changes afterwards', () => {
    const f = (t: readonly Real[]): Real => {
      const data = row.slice();
      const y = ops.dotOf(data, t);
      data.fill(100);
      return ops.mul(y, ops.dotOf(t, t));
    };
    const replay = compileGradient(f, [1, 1, 1, 1]);
    for (const theta of [
      [0.3, -0.7, 1.1, 2],
      [-2, 0.5, 0, 1],
    ]) {
      expectGradientClose(replay(theta), reverseGradient(f, theta), 1e-12, `replay at ${theta}`);
      expectGradientClose(replay(theta), finiteDifferenceGradient(f, theta), 1e-6, `finite differences at ${theta}`);
    }
  });
});
