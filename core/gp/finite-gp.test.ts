import { describe, expect, it } from 'vitest';
import { Rng } from '../rng/index.js';
import { FiniteGP, constantMean, kernelSum, matern32Kernel, periodicKernel, points, rationalQuadraticKernel, scaledKernel, sqExponentialKernel, withLengthscale } from './index.js';

/**
 * The finite GP's log density against the normal density written out by hand: the 2 × 2 and 3 × 3 covariances
 * are inverted by their adjugates and their determinants expanded by cofactors, not factored as the code does.
 */

const LOG_2PI = Math.log(2 * Math.PI);

function normalLogDensity2(y: readonly number[], m: number, c: number[][]): number {
  const [[a, b], [, d]] = c as [[number, number], [number, number]];
  const det = a * d - b * b;
  const r = y.map((v) => v - m);
  const q = (d * r[0]! ** 2 - 2 * b * r[0]! * r[1]! + a * r[1]! ** 2) / det;
  return -LOG_2PI - 0.5 * Math.log(det) - 0.5 * q;
}

function normalLogDensity3(y: readonly number[], m: number, c: number[][]): number {
  const e = (i: number, j: number) => c[i]![j]!;
  const cof = (i: number, j: number) => {
    const rows = [0, 1, 2].filter((k) => k !== i);
    const cols = [0, 1, 2].filter((k) => k !== j);
    const minor = e(rows[0]!, cols[0]!) * e(rows[1]!, cols[1]!) - e(rows[0]!, cols[1]!) * e(rows[1]!, cols[0]!);
    return (i + j) % 2 === 0 ? minor : -minor;
  };
  const det = e(0, 0) * cof(0, 0) + e(0, 1) * cof(0, 1) + e(0, 2) * cof(0, 2);
  const r = y.map((v) => v - m);
  let q = 0;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) q += (r[i]! * cof(j, i) * r[j]!) / det;
  return -1.5 * LOG_2PI - 0.5 * Math.log(det) - 0.5 * q;
}

describe('FiniteGP', () => {
  it('f(x, σ²) at two points: v·exp(−(x₁ − x₂)²/(2ℓ²)) off the diagonal, v + σ² on it', () => {
    const [v, l, s2] = [1.7, 0.8, 0.3];
    const fx = new FiniteGP({ mean: constantMean(0), kernel: scaledKernel(v, withLengthscale(sqExponentialKernel(), l)) }, points([0.2, 1.1], 1), [s2]);
    const off = v * Math.exp(-((0.2 - 1.1) ** 2) / (2 * l * l));
    expect(fx.logpdf([0.4, -0.9])).toBeCloseTo(normalLogDensity2([0.4, -0.9], 0, [[v + s2, off], [off, v + s2]]), 12);
  });

  it('a constant mean, a per-point noise vector and a sum kernel at three points of dimension 2', () => {
    const x = [
      [0, 1],
      [0.5, -0.2],
      [1.4, 0.3],
    ];
    const noise = [0.1, 0.2, 0.05];
    const rq = (p: number[], q: number[]) => (1 + ((p[0]! - q[0]!) ** 2 + (p[1]! - q[1]!) ** 2) / (2 * 1.5)) ** -1.5;
    const per = (p: number[], q: number[]) => Math.exp(-0.5 * ((Math.sin(Math.PI * (p[0]! - q[0]!)) / 0.9) ** 2 + (Math.sin(Math.PI * (p[1]! - q[1]!)) / 1.2) ** 2));
    const c = x.map((p, i) => x.map((q, j) => rq(p, q) + per(p, q) + (i === j ? noise[i]! : 0)));
    const fx = new FiniteGP({ mean: constantMean(0.5), kernel: kernelSum([rationalQuadraticKernel(1.5), periodicKernel([0.9, 1.2])]) }, points(x.flat(), 2), noise);
    const y = [0.3, 1.2, -0.4];
    expect(fx.logpdf(y)).toBeCloseTo(normalLogDensity3(y, 0.5, c), 12);
  });

  it('draws with the covariance K + σ²I: the sample covariance of many draws', () => {
    const fx = new FiniteGP({ mean: constantMean(1), kernel: withLengthscale(matern32Kernel(), 0.7) }, points([0, 0.4], 1), [0.2]);
    const rng = Rng.seeded(3);
    const n = 40000;
    let [s0, s1, s01] = [0, 0, 0];
    for (let i = 0; i < n; i++) {
      const [a, b] = fx.rand(rng) as unknown as [number, number];
      s0 += (a - 1) ** 2;
      s1 += (b - 1) ** 2;
      s01 += (a - 1) * (b - 1);
    }
    const k01 = (1 + Math.sqrt(3) * (0.4 / 0.7)) * Math.exp((-Math.sqrt(3) * 0.4) / 0.7);
    expect(s0 / n).toBeCloseTo(1.2, 1);
    expect(s1 / n).toBeCloseTo(1.2, 1);
    expect(s01 / n).toBeCloseTo(k01, 1);
  });

  it('a covariance that is not positive definite is an argument error naming cov(f(x)), as MvNormal names Σ, with the jitter that mends it', () => {
    const fx = new FiniteGP({ mean: constantMean(0), kernel: sqExponentialKernel() }, points([1, 1], 1), [0]);
    expect(() => fx.logpdf([0, 0])).toThrow(/FiniteGP: cov\(f\(x\)\) must be positive definite, but its leading 2×2 minor is not positive; give the GP noise or jitter on its diagonal, `f\(x, 1e-6\)`/);
  });
});
