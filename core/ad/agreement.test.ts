import { describe, expect, it } from 'vitest';
import {
  compileGradient,
  finiteDifferenceGradient,
  forwardGradient,
  makeGradient,
  ops,
  reverseGradient,
  Tape,
  trackerGradient,
  BACKEND_NAMES,
  type GradientResult,
  type Real,
} from './index.js';
import { expectGradientClose, randomPoints } from './test-support.js';

const { add, sub, mul, div, neg, pow, exp, log, abs2 } = ops;

type F = (t: readonly Real[]) => Real;

/** Functions of three parameters built only from core/ad ops, kept inside their domains for any θ. */
const battery: Record<string, F> = {
  polynomial: ([x, y, z]) => sub(add(mul(3, pow(x!, 3)), mul(mul(x!, y!), z!)), add(mul(2, mul(y!, y!)), 5)),
  'exp and log': ([x, y, z]) => add(log(add(1, exp(x!))), sub(exp(mul(y!, z!)), log(add(abs2(z!), 1)))),
  'lgamma and digamma': ([x, y, z]) => add(ops.lgammaOp(add(2, abs2(x!))), mul(ops.digammaOp(add(1.5, abs2(y!))), z!)),
  'erf and normcdf': ([x, y, z]) => add(ops.erfOp(mul(x!, y!)), mul(ops.normcdfOp(z!), ops.normlogcdfOp(x!))),
  'logistic, log1pexp, log1mexp': ([x, y, z]) => add(mul(ops.logisticOp(sub(x!, y!)), ops.log1pexpOp(z!)), ops.log1mexpOp(neg(add(1, abs2(x!))))),
  'pow with both arguments AD': ([x, y, z]) => add(pow(add(1, abs2(x!)), y!), pow(exp(z!), mul(x!, y!))),
  reductions: (t) => add(add(ops.sumOf(t.map(abs2)), ops.dotOf(t, t.map(ops.sin))), ops.logsumexpOf(t)),
  'repeated inputs': ([x, y]) => add(add(mul(x!, x!), div(x!, add(2, abs2(x!)))), ops.dotOf([x!, x!, y!], [y!, x!, y!])),
  'plain-number inputs': ([x, y, z]) =>
    add(add(ops.atan2(1, x!), ops.dotOf([1, 2, 3], [x!, y!, z!])), add(ops.sumOf([x!, 4, y!]), ops.logsumexpOf([0, x!, mul(2.5, y!)]))),
  trigonometric: ([x, y, z]) => add(mul(ops.sin(x!), ops.cos(y!)), add(ops.tan(mul(0.3, z!)), ops.atan2(y!, add(x!, 3)))),
  hyperbolic: ([x, y, z]) => add(mul(ops.sinh(x!), ops.cosh(y!)), add(ops.asin(ops.tanh(z!)), ops.acos(mul(0.5, ops.tanh(x!))))),
  'roots, logs and abs': ([x, y, z]) =>
    add(add(ops.sqrt(add(1, abs2(x!))), ops.cbrt(add(2, exp(y!)))), add(mul(ops.log2(add(1, abs2(z!))), ops.log10(add(3, y!))), add(ops.expm1(x!), ops.log1p(abs2(z!))))),
  'gamma family and lbeta': ([x, y, z]) => add(add(ops.gammaOp(add(1, abs2(x!))), ops.trigammaOp(add(1, abs2(y!)))), ops.lbetaOp(exp(z!), add(1, abs2(x!)))),
  'erfc, logit, abs, square': ([x, y, z]) => add(add(ops.erfcOp(x!), ops.logitOp(ops.logisticOp(y!))), add(ops.abs(add(z!, 7)), ops.square(sub(x!, z!)))),
  'min and max': ([x, y, z]) => mul(ops.max(x!, y!), ops.min(add(y!, 0.1), z!)),
};

const points = randomPoints(1, 3, 4, 0.8);

/** Every backend, each as a function of θ; the compiled tape is recorded at a different point from the one it is asked for. */
const backends: Record<string, (f: F, theta: number[]) => GradientResult> = {
  'forward, chunk 1': (f, t) => forwardGradient(f, t, 1),
  'forward, chunk 2': (f, t) => forwardGradient(f, t, 2),
  'forward, default chunk': (f, t) => forwardGradient(f, t),
  'forward, chunk 5': (f, t) => forwardGradient(f, t, 5),
  reverse: (f, t) => reverseGradient(f, t),
  'reverse, compiled elsewhere': (f, t) => compileGradient(f, [0.3, -0.2, 0.7])(t),
  tracker: (f, t) => trackerGradient(f, t),
};

describe('every backend agrees with finite differences', () => {
  for (const [name, f] of Object.entries(battery)) {
    it(name, () => {
      for (const theta of points) {
        const fd = finiteDifferenceGradient(f, theta);
        for (const [backend, gradient] of Object.entries(backends)) expectGradientClose(gradient(f, theta), fd, 1e-6, `${backend} at ${theta.join(', ')}`);
      }
    });
  }

  it('through makeGradient, with every named backend', () => {
    const f = battery['lgamma and digamma']!;
    const theta = points[0]!;
    const fd = finiteDifferenceGradient(f, theta);
    for (const name of BACKEND_NAMES) expectGradientClose(makeGradient(f, 3, name)(theta), fd, 1e-6, name);
    expectGradientClose(makeGradient(f, 3, 'reversediff', { compile: true })(theta), fd, 1e-6, 'reversediff compiled');
    expectGradientClose(makeGradient(f, 3, 'forwarddiff', { chunk: 2 })(theta), fd, 1e-6, 'forwarddiff chunk 2');
  });

  it('a reused tape gives the same gradients as a fresh one, at any point', () => {
    const tape = new Tape();
    for (const f of Object.values(battery)) {
      for (const theta of points) expectGradientClose(reverseGradient(f, theta, tape), reverseGradient(f, theta), 0, 'reused tape');
    }
  });

  it('zero, one and constant outputs', () => {
    for (const gradient of Object.values(backends)) {
      expect(gradient(() => 4, [1, 2, 3])).toEqual({ value: 4, grad: new Float64Array(3) });
      expectGradientClose(gradient((t) => t[1]!, [1, 2, 3]), { value: 2, grad: Float64Array.of(0, 1, 0) }, 0, 'identity');
    }
  });
});
