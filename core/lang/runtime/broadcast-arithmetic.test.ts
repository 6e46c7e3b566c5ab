import { describe, expect, it } from 'vitest';
import { ADNum, Tape, compileGradient, reverseGradient, trackerGradient, value, type BlockOp, type Real } from '../../ad/index.js';
import { JArray, type Value } from '../../model/index.js';
import { MIN_BLOCK, binaryOp, broadcast, broadcastBinary } from './index.js';

const OPS = ['+', '-', '*', '/'] as const;

/** n elements cycling through xs. */
const cycled = (xs: readonly Real[], n: number): Real[] => Array.from({ length: n }, (_, i) => xs[i % xs.length]!);

/** Σ over the elements of `a .op b` (and a product, so the adjoints differ per element) for every op, on vectors of n. */
function total(combine: (op: string, a: Value, b: Value) => Value, n: number): (t: readonly Real[]) => Real {
  return (t) => {
    const vector = (xs: readonly Real[]) => new JArray([n], cycled(xs, n));
    const a = vector(t.slice(0, 3));
    const b = vector(t.slice(3, 6));
    const operands: [Value, Value][] = [
      [a, b],
      [a, t[6]!],
      [t[6]!, b],
      [a, 2.5],
      [vector([1, -2, 4]), b],
      // Repeated elements, as α[g] gives: each enters the block once.
      [vector([t[0]!, t[1]!, t[0]!]), b],
      [a, vector([t[5]!, t[5]!, 3])],
      [a, a],
    ];
    let s: Real = 0;
    for (const op of OPS) {
      for (const [x, y] of operands) {
        const r = combine(op, x, y) as JArray;
        expect(r.shape).toEqual([n]);
        r.data.forEach((e, i) => (s = binaryOp('+', s, binaryOp('*', e!, i + 1)) as Real));
      }
    }
    return s;
  };
}

const blocks = total(broadcastBinary, MIN_BLOCK);
const elementByElement = total((op, a, b) => broadcast((xs) => binaryOp(op, xs[0]!, xs[1]!), [a, b]), MIN_BLOCK);
const theta = [0.3, -1.2, 2.0, 1.5, -0.7, 0.9, -2.2];

/** A reverse tape that counts the blocks it is given. */
class BlockCountingTape extends Tape {
  blockCalls = 0;

  override block(inputs: readonly Real[], op: BlockOp, count: number): ADNum[] {
    this.blockCalls++;
    return super.block(inputs, op, count);
  }
}

describe('broadcastBinary', () => {
  it('gives the values and gradients of the element-by-element broadcast, as one block on a tape', () => {
    const expected = trackerGradient(elementByElement, theta);
    for (const actual of [reverseGradient(blocks, theta), compileGradient(blocks, theta.map((x) => x + 1))(theta)]) {
      expect(actual.value).toBe(expected.value);
      actual.grad.forEach((g, i) => expect(Math.abs(g - expected.grad[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected.grad[i]!))));
    }
  });

  it('takes a block from MIN_BLOCK elements on, and scalar nodes below, whose setup a block would outweigh', () => {
    for (const n of [MIN_BLOCK - 1, MIN_BLOCK]) {
      const tape = new BlockCountingTape();
      const [x] = tape.begin([0.5], false);
      broadcastBinary('*', new JArray([n], cycled([1, 2, 3], n)), new JArray([n], cycled([x!], n)));
      expect(tape.blockCalls, `${n} elements`).toBe(n < MIN_BLOCK ? 0 : 1);
    }
  });

  it('falls back to the general broadcast where a block does not apply', () => {
    const row = broadcastBinary('+', new JArray([3], [1, 2, 3]), new JArray([1, 2], [10, 20])) as JArray;
    expect(row.shape).toEqual([3, 2]);
    expect(row.data.map((x) => value(x as Real))).toEqual([11, 12, 13, 21, 22, 23]);
    expect(() => broadcastBinary('+', new JArray([3], [1, 2, 3]), new JArray([2], [1, 2]))).toThrow('cannot broadcast');
    expect(broadcastBinary('^', new JArray([2], [2, 3]), 2)).toEqual(new JArray([2], [4, 9], 'float'));
  });
});
