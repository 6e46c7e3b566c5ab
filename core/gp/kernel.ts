import type { Real } from '../ad/index.js';

/**
 * A covariance function as KernelFunctions.jl defines it, evaluated on plain numbers. A kernel owns its
 * hyperparameters (`params`, AD values allowed) but never computes with them: every method reads their
 * values from `th` at `at`, so one kernel serves the first evaluation and a compiled tape's replay alike,
 * and the matrix and the log density built from it are each one node whose partials come from `grad`.
 *
 * Points are rows of flat arrays: the point at `ia` of `a` is a[ia], …, a[ia + d − 1].
 */
export interface Kernel {
  /** KernelFunctions' name, for messages. */
  readonly name: string;
  readonly params: readonly Real[];
  /** The input dimension the kernel is made for (an ARD transform, Periodic's r), or undefined for any. */
  readonly dim: number | undefined;
  /** How it wraps another kernel, for the matrix loops to take apart once per matrix rather than at every pair. */
  readonly wraps?: Wrapping;
  value(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): number;
  /**
   * Adds c · ∂k/∂θ to gth[at …], c · ∂k/∂a to ga[ia …] and c · ∂k/∂b to gb[ib …] (ga and gb may be the same
   * array, as when both points come from one input set). Returns k(a, b), which it computes on the way, so that
   * a scaled or product kernel need not evaluate its parts again.
   */
  grad(th: ArrayLike<number>, at: number, a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number, c: number, gth: Float64Array, ga: Float64Array, gb: Float64Array): number;
}

/**
 * `scale`: σ² · inner, σ² its first parameter. `inputs`: inner at transformed inputs, x ↦ x .* f or x ./ f with the
 * factors f its first `count` parameters (one for every dimension, or one per dimension when `ard`).
 */
export type Wrapping =
  | { readonly kind: 'scale'; readonly inner: Kernel }
  | { readonly kind: 'inputs'; readonly inner: Kernel; readonly count: number; readonly ard: boolean; readonly divide: boolean };

/** ‖a − b‖² */
export function squaredDistance(a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) {
    const t = a[ia + k]! - b[ib + k]!;
    s += t * t;
  }
  return s;
}

export function dotProduct(a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += a[ia + k]! * b[ib + k]!;
  return s;
}

/** Adds g · (a − b) to ga and its negative to gb: the gradient of a function of ‖a − b‖² with derivative g / 2. */
export function addDifference(a: ArrayLike<number>, ia: number, b: ArrayLike<number>, ib: number, d: number, g: number, ga: Float64Array, gb: Float64Array): void {
  for (let k = 0; k < d; k++) {
    const t = g * (a[ia + k]! - b[ib + k]!);
    ga[ia + k]! += t;
    gb[ib + k]! -= t;
  }
}
