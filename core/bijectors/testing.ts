import { expect } from 'vitest';
import { finiteDifferenceGradient, forwardGradient, value, type Real } from '../ad/index.js';
import { expectReplayableNodes } from '../testing/replay.js';
import type { Bijector } from './index.js';

/** Test helpers for the bijectors: numerical Jacobians and AD-against-finite-difference checks. */

/** Bijectors.jl's VecCorrBijector docstring: this correlation matrix (printed to 6 digits) links to y. */
export const CORR_DOC = {
  x: [1.0, -0.705273, -0.348638, -0.705273, 1.0, 0.0534538, -0.348638, 0.0534538, 1.0],
  y: [-0.8777149781928181, -0.3638927608636788, -0.29813769428942216],
};

/** Entries of a flat column-major d×d matrix at (r, c) with r < c (upper) or r > c (lower), column by column. */
export function strictTriangle(x: readonly number[], d: number, upper: boolean): number[] {
  const out: number[] = [];
  for (let c = 0; c < d; c++) for (let r = 0; r < d; r++) if (upper ? r < c : r > c) out.push(x[r + c * d]!);
  return out;
}

export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what = ''): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    expect(Math.abs(a - e), `${what}[${i}]: ${a} vs ${e}`).toBeLessThanOrEqual(tol * (1 + Math.abs(e)));
  }
}

export function invlinkValues(b: Bijector, y: readonly number[]): { x: number[]; logJac: number } {
  const r = b.invlink(y);
  return { x: r.x.map(value), logJac: value(r.logJac) };
}

/** log |det J| of a square Jacobian by central differences and LU with partial pivoting. */
export function numericLogAbsDetJac(f: (y: number[]) => number[], y: readonly number[], h = 1e-6): number {
  const n = y.length;
  const m: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const up = [...y];
    const down = [...y];
    up[j]! += h;
    down[j]! -= h;
    const fu = f(up);
    const fd = f(down);
    expect(fu.length, 'the map must be square').toBe(n);
    for (let i = 0; i < n; i++) m[i]![j] = (fu[i]! - fd[i]!) / (2 * h);
  }
  let logDet = 0;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(m[i]![k]!) > Math.abs(m[p]![k]!)) p = i;
    [m[k], m[p]] = [m[p]!, m[k]!];
    const pivot = m[k]![k]!;
    logDet += Math.log(Math.abs(pivot));
    for (let i = k + 1; i < n; i++) {
      const f = m[i]![k]! / pivot;
      for (let j = k; j < n; j++) m[i]![j]! -= f * m[k]![j]!;
    }
  }
  return logDet;
}

/**
 * Every output of f differentiated by forward-mode AD and by central differences; and every node f builds
 * brings a recompute rule that reproduces it, which is what a compiled tape replays.
 */
export function expectGradientsAgree(f: (theta: readonly Real[]) => readonly Real[], theta: readonly number[], tol = 1e-6): void {
  expectReplayableNodes(f, theta, `at [${theta.join(', ')}]`);
  const outputs = f(theta).length;
  for (let k = 0; k < outputs; k++) {
    const g = (t: readonly Real[]) => f(t)[k]!;
    const ad = forwardGradient(g, theta);
    const fd = finiteDifferenceGradient(g, theta);
    expectClose(ad.grad, fd.grad, tol, `∂output ${k}`);
  }
}

/** The outputs of invlink that AD is checked on: every constrained value, then the log-Jacobian. */
export function invlinkOutputs(b: Bijector): (y: readonly Real[]) => Real[] {
  return (y) => {
    const r = b.invlink(y);
    return [...r.x, r.logJac];
  };
}

/**
 * The standard battery at one unconstrained point: link∘invlink is the identity, log|J| is the numerical
 * log|det| of y ↦ free(invlink(y)), and the AD derivatives of x and log|J| match finite differences.
 */
export function checkAt(b: Bijector, y: readonly number[], free: (x: number[]) => number[] = (x) => x, tol = 1e-6): void {
  const { x, logJac } = invlinkValues(b, y);
  expectClose(b.link(x), y, tol, 'link∘invlink');
  expect(Math.abs(logJac - numericLogAbsDetJac((u) => free(invlinkValues(b, u).x), y)), `log|J| at [${y.join(', ')}]`).toBeLessThanOrEqual(tol * (1 + Math.abs(logJac)));
  expectGradientsAgree(invlinkOutputs(b), y);
}
