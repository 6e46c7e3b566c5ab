import { describe, expect, it } from 'vitest';
import { compileGradient, forwardGradient, ops, type Real } from '../../ad/index.js';
import { JArray, UniformScaling, type Value } from '../../model/index.js';
import { binaryOp, compareOp, getField, getIndex } from '../runtime/index.js';
import { call } from './testing.js';

/** A compiled reverse tape, recorded once, must give at new parameters what a fresh run gives. */
function expectReplayable(f: (theta: readonly Real[]) => Real, recordAt: number[], replayAt: number[]): void {
  const compiled = compileGradient(f, recordAt);
  const replayed = compiled(replayAt);
  const fresh = forwardGradient(f, replayAt);
  expect(replayed.value).toBeCloseTo(fresh.value, 10);
  replayed.grad.forEach((g, i) => expect(g).toBeCloseTo(fresh.grad[i]!, 8));
}

const real = (v: Value): Real => v as Real;
const vecOf = (xs: readonly Real[]): JArray => JArray.vector(xs.slice(), 'float');

function spd(t: readonly Real[]): JArray {
  const B = JArray.matrix(2, 2, [t[0]!, t[1]!, 0, t[2]!], 'float');
  return binaryOp('+', binaryOp('*', B, call('transpose', [B])), new UniformScaling(1)) as JArray;
}

describe('compiled tapes', () => {
  it('replay the library at new parameters, choices included', () => {
    expectReplayable((t) => real(call('maximum', [vecOf(t)])), [1, 2], [3, 2]);
    expectReplayable((t) => real(call('clamp', [t[0]!, 0, 1])), [0.5], [2]);
    expectReplayable((t) => real(call('mod', [t[0]!, 1.5])), [0.4], [2.2]);
    expectReplayable((t) => ops.add(real(call('logdet', [spd(t)])), real(call('sum', [call('inv', [spd(t)])]))), [1, 0.3, 0.8], [0.6, -0.2, 1.4]);
    expectReplayable((t) => real(getIndex(getField(call('cholesky', [spd(t)]), 'L'), [2, 1])), [1, 0.3, 0.8], [0.6, -0.2, 1.4]);
    expectReplayable((t) => real(call('sum', [binaryOp('\\', spd(t), vecOf([1, 2]))])), [1, 0.3, 0.8], [0.6, -0.2, 1.4]);
  });

  it('are refused when a parameter decides a branch, a rounding or an index', () => {
    expect(() => compileGradient((t) => (compareOp('<', t[0]!, 0) ? t[0]! : ops.neg(t[0]!)), [1])).toThrow('a comparison (`<`) depends on a parameter');
    expect(() => compileGradient((t) => real(call('floor', [t[0]!])), [1.5])).toThrow('`floor` depends on a parameter');
    expect(() => compileGradient((t) => real(call('argmax', [vecOf(t)])), [1, 2])).toThrow('`argmax` depends on a parameter');
  });
});
