import { describe, expect, it } from 'vitest';
import {
  constantKernel,
  exponentialKernel,
  gammaExponentialKernel,
  kernelMatrix,
  kernelProduct,
  kernelSum,
  linearKernel,
  matern32Kernel,
  matern52Kernel,
  maternKernel,
  periodicKernel,
  points,
  polynomialKernel,
  rationalQuadraticKernel,
  scaledKernel,
  sqExponentialKernel,
  whiteKernel,
  withLengthscale,
  withScale,
  zeroKernel,
  type Kernel,
} from './index.js';

/** Each kernel against KernelFunctions' definition written out, and its partials against central differences. */

const a = [0.3, -1.2];
const b = [1.1, 0.4];
const r2 = (0.3 - 1.1) ** 2 + (-1.2 - 0.4) ** 2;
const r = Math.sqrt(r2);
const dot = 0.3 * 1.1 + -1.2 * 0.4;

function at(k: Kernel, x: readonly number[], y: readonly number[]): number {
  return kernelMatrix(k, points(x, x.length), points(y, y.length))[0] as number;
}

describe('kernels, as KernelFunctions defines them', () => {
  it.each<[string, Kernel, number]>([
    ['SqExponentialKernel: exp(−r²/2)', sqExponentialKernel(), Math.exp(-r2 / 2)],
    ['ExponentialKernel: exp(−r)', exponentialKernel(), Math.exp(-r)],
    ['GammaExponentialKernel(γ = 1.5): exp(−r^γ)', gammaExponentialKernel(1.5), Math.exp(-(r ** 1.5))],
    ['Matern32Kernel: (1 + √3 r) exp(−√3 r)', matern32Kernel(), (1 + Math.sqrt(3) * r) * Math.exp(-Math.sqrt(3) * r)],
    ['Matern52Kernel: (1 + √5 r + 5r²/3) exp(−√5 r)', matern52Kernel(), (1 + Math.sqrt(5) * r + (5 * r2) / 3) * Math.exp(-Math.sqrt(5) * r)],
    ['MaternKernel(ν = 7/2) by its Bessel function: (1 + s + 2s²/5 + s³/15) exp(−s), s = √7 r', maternKernel(3.5), (1 + Math.sqrt(7) * r + (2 * 7 * r2) / 5 + (7 * Math.sqrt(7) * r2 * r) / 15) * Math.exp(-Math.sqrt(7) * r)],
    ['MaternKernel(ν = 3/2) is Matern32Kernel', maternKernel(1.5), (1 + Math.sqrt(3) * r) * Math.exp(-Math.sqrt(3) * r)],
    ['RationalQuadraticKernel(α = 1.5): (1 + r²/(2α))^−α', rationalQuadraticKernel(1.5), (1 + r2 / 3) ** -1.5],
    ['PeriodicKernel(r = [0.7, 2]): exp(−½ Σ (sin(π(aₖ − bₖ))/rₖ)²)', periodicKernel([0.7, 2]), Math.exp(-0.5 * ((Math.sin(Math.PI * -0.8) / 0.7) ** 2 + (Math.sin(Math.PI * -1.6) / 2) ** 2))],
    ['LinearKernel(c = 0.5): a⋅b + c', linearKernel(0.5), dot + 0.5],
    ['PolynomialKernel(degree = 3, c = 2): (a⋅b + c)³', polynomialKernel(3, 2), (dot + 2) ** 3],
    ['ConstantKernel(c = 0.3)', constantKernel(0.3), 0.3],
    ['ZeroKernel', zeroKernel(), 0],
    ['WhiteKernel at two different points', whiteKernel(), 0],
    ['2.5 * SqExponentialKernel()', scaledKernel(2.5, sqExponentialKernel()), 2.5 * Math.exp(-r2 / 2)],
    ['with_lengthscale(SE, 2): exp(−r²/8)', withLengthscale(sqExponentialKernel(), 2), Math.exp(-r2 / 8)],
    ['with_lengthscale(Matern12, [0.5, 4]): ARD', withLengthscale(exponentialKernel(), [0.5, 4]), Math.exp(-Math.sqrt((-0.8 / 0.5) ** 2 + (-1.6 / 4) ** 2))],
    ['SE ∘ ScaleTransform(3)', withScale(sqExponentialKernel(), 3), Math.exp((-9 * r2) / 2)],
    ['Linear ∘ ARDTransform([2, 0.5])', withScale(linearKernel(0), [2, 0.5]), 4 * 0.3 * 1.1 + 0.25 * -1.2 * 0.4],
    ['SE + Linear', kernelSum([sqExponentialKernel(), linearKernel(0)]), Math.exp(-r2 / 2) + dot],
    ['Matern32 * Periodic', kernelProduct([matern32Kernel(), periodicKernel([1, 1])]), (1 + Math.sqrt(3) * r) * Math.exp(-Math.sqrt(3) * r) * Math.exp(-0.5 * (Math.sin(Math.PI * -0.8) ** 2 + Math.sin(Math.PI * -1.6) ** 2))],
  ])('%s', (_, k, expected) => {
    expect(at(k, a, b)).toBeCloseTo(expected, 14);
  });

  it('WhiteKernel is 1 at equal points, as is every stationary kernel at distance 0', () => {
    expect(at(whiteKernel(), a, a)).toBe(1);
    for (const k of [sqExponentialKernel(), exponentialKernel(), matern32Kernel(), matern52Kernel(), maternKernel(0.8), rationalQuadraticKernel(2)]) expect(at(k, a, a)).toBe(1);
  });

  it('MaternKernel of any ν is continuous in ν through the closed forms, and tends to 1 at tiny distances', () => {
    const near = (nu: number, x: readonly number[]) => at(maternKernel(nu), a, x);
    expect(near(1.5 + 1e-9, b)).toBeCloseTo(at(matern32Kernel(), a, b), 8);
    expect(near(2.5 - 1e-9, b)).toBeCloseTo(at(matern52Kernel(), a, b), 8);
    expect(near(0.5 + 1e-9, b)).toBeCloseTo(at(exponentialKernel(), a, b), 8);
    // r = 1e-150: K_ν(s) overflows for ν = 30, where κ is 1 to double precision.
    expect(near(30, [a[0]! + 1e-150, a[1]!])).toBe(1);
    expect(near(2, [a[0]! + 1e-3, a[1]!])).toBeCloseTo(1 - 1e-6, 9);
  });

  it('kernelmatrix(k, x) is symmetric and kernelmatrix(k, x, y) is n × m, column-major', () => {
    const k = withLengthscale(matern52Kernel(), 1.7);
    const x = points([0, 1, 3], 1);
    const y = points([0.5, 2], 1);
    const kxx = kernelMatrix(k, x) as number[];
    const kxy = kernelMatrix(k, x, y) as number[];
    expect(kxx[1 + 0 * 3]).toBe(kxx[0 + 1 * 3]);
    expect(kxy).toHaveLength(6);
    expect(kxy[2 + 1 * 3]).toBeCloseTo(at(k, [3], [2]), 15);
  });

  it('refuses inputs whose dimension an ARD kernel does not fit', () => {
    expect(() => kernelMatrix(withLengthscale(sqExponentialKernel(), [1, 2, 3]), points([1, 2, 3, 4], 2))).toThrow(/dimension 3, but the inputs have dimension 2/);
  });
});

/** Central differences of k(a, b) in each hyperparameter and coordinate, against `grad`. */
function expectPartials(k: Kernel, x: readonly number[], y: readonly number[]): void {
  const th = Float64Array.from(k.params as number[]);
  const d = x.length;
  const gth = new Float64Array(th.length);
  const ga = new Float64Array(d);
  const gb = new Float64Array(d);
  k.grad(th, 0, x, 0, y, 0, d, 1, gth, ga, gb);
  const h = 1e-6;
  const central = (f: (s: number) => number) => (f(h) - f(-h)) / (2 * h);
  th.forEach((_, i) => {
    const moved = (s: number) => {
      const t = Float64Array.from(th);
      t[i]! += s;
      return k.value(t, 0, x, 0, y, 0, d);
    };
    expect(gth[i]).toBeCloseTo(central(moved), 6);
  });
  for (let i = 0; i < d; i++) {
    const shift = (v: readonly number[], s: number) => v.map((c, j) => (j === i ? c + s : c));
    expect(ga[i]).toBeCloseTo(central((s) => k.value(th, 0, shift(x, s), 0, y, 0, d)), 6);
    expect(gb[i]).toBeCloseTo(central((s) => k.value(th, 0, x, 0, shift(y, s), 0, d)), 6);
  }
}

describe("kernels' hand-derived partials", () => {
  it.each<[string, Kernel]>([
    ['SqExponential', sqExponentialKernel()],
    ['Exponential', exponentialKernel()],
    ['GammaExponential', gammaExponentialKernel(1.3)],
    ['Matern32', matern32Kernel()],
    ['Matern52', matern52Kernel()],
    ['Matern ν = 2', maternKernel(2)],
    ['Matern ν = 0.7', maternKernel(0.7)],
    ['Matern ν = 11.3', maternKernel(11.3)],
    ['RationalQuadratic', rationalQuadraticKernel(0.8)],
    ['Periodic', periodicKernel([0.7, 2])],
    ['Linear', linearKernel(0.5)],
    ['Polynomial', polynomialKernel(3, 2)],
    ['Constant', constantKernel(0.3)],
    ['Scaled ∘ lengthscale', scaledKernel(1.7, withLengthscale(matern52Kernel(), 0.6))],
    ['ARD lengthscales', withLengthscale(sqExponentialKernel(), [0.5, 3])],
    ['ARDTransform of a scaled RQ', withScale(scaledKernel(2, rationalQuadraticKernel(1.2)), [2, 0.5])],
    ['sum and product', kernelSum([kernelProduct([matern32Kernel(), periodicKernel([1.3, 0.9])]), scaledKernel(0.4, linearKernel(0.1))])],
  ])('%s', (_, k) => {
    expectPartials(k, a, b);
  });
});
