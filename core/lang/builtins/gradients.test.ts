import { describe, expect, it } from 'vitest';
import { ADNum, finiteDifferenceGradient, forwardGradient, ops, value, type NodeFactory, type Real } from '../../ad/index.js';
import { JArray, UniformScaling, type Value } from '../../model/index.js';
import { binaryOp, broadcast, getField, getIndex, setIndex } from '../runtime/index.js';
import { UNDEF } from './index.js';
import { call, construct } from './testing.js';

/** Forward-mode gradient of a model-language computation agrees with central differences. */
function checkGradient(f: (theta: readonly Real[]) => Real, theta: number[], tol = 1e-6): void {
  const ad = forwardGradient(f, theta);
  const fd = finiteDifferenceGradient(f, theta);
  expect(ad.value).toBeCloseTo(fd.value, 12);
  ad.grad.forEach((g, i) => expect(g, `∂/∂θ[${i + 1}]`).toBeCloseTo(fd.grad[i]!, -Math.log10(tol * Math.max(1, Math.abs(g)))));
}

const vecOf = (xs: readonly Value[]): JArray => JArray.vector(xs.slice(), 'float');
const matOf = (n: number, xs: readonly Value[]): JArray => JArray.matrix(n, xs.length / n, xs.slice(), 'float');
const real = (v: Value): Real => v as Real;

/** An SPD matrix from 6 parameters: B Bᵀ + I with B lower-triangular 3×3. */
function spd(t: readonly Real[]): JArray {
  const B = matOf(3, [t[0]!, t[1]!, t[2]!, 0, t[3]!, t[4]!, 0, 0, t[5]!]);
  const BBt = binaryOp('*', B, call('transpose', [B]));
  return binaryOp('+', BBt, new UniformScaling(1)) as JArray;
}

const THETA6 = [1.2, -0.4, 0.3, 0.9, 0.5, 1.1];

describe('gradients through the run-time library', () => {
  it('matrix–vector products, sum, dot', () => {
    checkGradient((t) => {
      const X = matOf(2, [1, 2, 3, 4, 5, 6]);
      const beta = vecOf(t.slice(0, 3));
      const mu = binaryOp('*', X, beta);
      return ops.add(real(call('sum', [mu])), real(call('dot', [mu, mu])));
    }, [0.3, -1.2, 0.7]);
  });

  it('besselk and besselkx in the order and in x, at orders below and above ½ and on both sides of x = 2', () => {
    for (const point of [[0.3, 0.7], [2.6, 1.4], [1, 3.5], [7.5, 11], [-1.3, 0.4]]) {
      checkGradient((t) => real(call('besselk', [t[0]!, t[1]!])), point);
      checkGradient((t) => real(call('besselkx', [t[0]!, t[1]!])), point);
    }
  });

  it('sinpi and cospi', () => {
    checkGradient((t) => ops.add(real(call('sinpi', [t[0]!])), real(call('cospi', [t[1]!]))), [0.3, -1.7]);
    checkGradient((t) => ops.mul(real(call('sinpi', [t[0]!])), real(call('cospi', [t[0]!]))), [1]);
  });

  it('logsumexp, softmax, var, prod, cumsum', () => {
    checkGradient((t) => real(call('logsumexp', [vecOf(t)])), [0.1, 2, -1]);
    checkGradient((t) => real(getIndex(call('softmax', [vecOf(t)]), [2])), [0.1, 2, -1]);
    checkGradient((t) => real(call('var', [vecOf(t)])), [0.1, 2, -1]);
    checkGradient((t) => real(call('prod', [vecOf(t)])), [0.5, 2, -1]);
    checkGradient((t) => real(call('prod', [vecOf(t)])), [0, 2, -1]);
    checkGradient((t) => real(call('sum', [call('cumsum', [vecOf(t)])])), [0.5, 2, -1]);
  });

  it('logdet, det, inv, cholesky, solve', () => {
    checkGradient((t) => real(call('logdet', [spd(t)])), THETA6);
    checkGradient((t) => real(call('det', [spd(t)])), THETA6);
    // A non-symmetric matrix, so that a transposed partial (A⁻¹ for A⁻ᵀ) would show.
    const general = (t: readonly Real[]): JArray => matOf(3, [t[0]!, t[1]!, 0.2, t[2]!, t[3]!, -0.4, 1, t[4]!, 2]);
    checkGradient((t) => real(call('logdet', [general(t)])), [2, 0.3, -0.5, 1.5, 0.8]);
    checkGradient((t) => real(call('det', [general(t)])), [2, 0.3, -0.5, 1.5, 0.8]);
    checkGradient((t) => real(getIndex(call('inv', [general(t)]), [1, 2])), [2, 0.3, -0.5, 1.5, 0.8]);
    checkGradient((t) => real(call('sum', [call('inv', [spd(t)])])), THETA6);
    checkGradient((t) => {
      const L = getField(call('cholesky', [spd(t)]), 'L');
      return real(call('sum', [broadcast(([x]) => binaryOp('*', x!, x!), [L])]));
    }, THETA6);
    checkGradient((t) => real(call('logdet', [call('cholesky', [spd(t)])])), THETA6);
    checkGradient((t) => {
      const x = binaryOp('\\', spd(t), vecOf([1, -2, 0.5]));
      return real(call('dot', [x, vecOf([0.3, 1, 2])]));
    }, THETA6);
    checkGradient((t) => {
      const x = binaryOp('\\', call('cholesky', [spd(t)]), vecOf([1, -2, 0.5]));
      return real(call('sum', [x]));
    }, THETA6);
    checkGradient((t) => {
      const A = matOf(2, [t[0]!, t[1]!, t[2]!, t[3]!]);
      return real(getIndex(binaryOp('\\', A, vecOf([t[4]!, 1])), [1]));
    }, [2, 0.5, -1, 3, 0.7]);
  });

  it('AD values are stored in Float64 containers', () => {
    checkGradient((t) => {
      const x = construct('Vector', ['Float64'], [UNDEF, 2]) as JArray;
      setIndex(x, [1], ops.exp(t[0]!), false);
      setIndex(x, [2], construct('Float64', [], [t[1]!]), false);
      return real(call('sum', [x]));
    }, [0.2, 0.4]);
  });
});

/** A backend that only counts the nodes it is asked to build. */
class Counted extends ADNum {
  constructor(
    readonly v: number,
    readonly backend: CountingFactory,
  ) {
    super();
  }
}

class CountingFactory implements NodeFactory {
  nodes = 0;
  node(v: number): ADNum {
    this.nodes++;
    return new Counted(v, this);
  }
}

describe('node counts', () => {
  it('a matrix–vector product is one node per output, a reduction one node', () => {
    const factory = new CountingFactory();
    const beta = vecOf([new Counted(1, factory), new Counted(2, factory), new Counted(3, factory)]);
    const X = matOf(4, Array.from({ length: 12 }, (_, i) => i));
    const mu = binaryOp('*', X, beta);
    expect(factory.nodes).toBe(4);
    call('sum', [mu]);
    call('logsumexp', [mu]);
    expect(factory.nodes).toBe(6);
  });
});

/** A backend that checks every node carries a replay rule that agrees with the node's value and partials. */
class Checked extends ADNum {
  constructor(
    readonly v: number,
    readonly backend: RuleChecker,
  ) {
    super();
  }
}

class RuleChecker implements NodeFactory {
  problems: string[] = [];
  node(v: number, inputs: readonly Real[], partials: ArrayLike<number>, recompute?: (x: ArrayLike<number>, p: Float64Array) => number): ADNum {
    if (recompute === undefined) this.problems.push(`a node of value ${v} has no rule`);
    else {
      const p = new Float64Array(inputs.length);
      const w = recompute(Float64Array.from(inputs, (x) => (typeof x === 'number' ? x : x.v)), p);
      const same = (a: number, b: number): boolean => Object.is(a, b) || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
      if (!same(w, v) || !Array.from(p).every((q, i) => same(q, partials[i]!))) this.problems.push(`the rule of a node of value ${v} disagrees`);
    }
    return new Checked(v, this);
  }
}

describe('replay rules', () => {
  it('every node the library builds can be replayed', () => {
    const checker = new RuleChecker();
    const t = THETA6.map((x) => new Checked(x, checker));
    const A = spd(t);
    for (const name of ['det', 'logdet', 'inv', 'cholesky']) call(name, [A]);
    for (const name of ['prod', 'var', 'sum', 'logsumexp', 'softmax', 'cumprod']) call(name, [vecOf(t)]);
    binaryOp('\\', A, vecOf([1, 2, 3]));
    binaryOp('%', t[0]!, t[1]!);
    call('det', [matOf(2, [t[0]!, 2 * value(t[0]!), 1, 2])]);
    expect(checker.problems).toEqual([]);
  });
});
