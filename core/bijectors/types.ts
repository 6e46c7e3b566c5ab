import type { Real } from '../ad/index.js';

/**
 * The support of a distribution, as data. Distributions describe their support with one of these;
 * `bijectorFor` turns it into the Bijectors.jl transform to the unconstrained space.
 * Bounds may be AD values (bounds that depend on other parameters).
 */
export type Support =
  | { kind: 'real' } // on a vector/matrix value a scalar kind (real, lower, upper, interval) applies to every element; inside 'elementwise' a scalar kind covers one element and a structured kind (simplex, ordered, corr, …) its whole block
  | { kind: 'lower'; lower: Real } // (lower, ∞); the positive half-line is lower = 0
  | { kind: 'upper'; upper: Real } // (−∞, upper)
  | { kind: 'interval'; lower: Real; upper: Real }
  | { kind: 'simplex'; dim: number } // probability vectors of length dim
  | { kind: 'corr'; dim: number } // correlation matrices (LKJ)
  | { kind: 'corr-cholesky'; dim: number; uplo: 'L' | 'U' } // Cholesky factors of correlation matrices (LKJCholesky)
  | { kind: 'pd'; dim: number } // positive-definite matrices (Wishart, InverseWishart)
  | { kind: 'ordered'; dim: number } // increasing vectors (Bijectors' `ordered`)
  | { kind: 'elementwise'; supports: readonly Support[] } // one support per element, column-major (filldist, arraydist)
  | { kind: 'discrete' }; // integers: no transform, not for gradient-based samplers

/**
 * A transform between a support (flat, column-major) and ℝⁿ. `link` maps constrained values to the
 * unconstrained space; `invlink` maps back and returns log |det J| of that inverse map, which the
 * unconstrained log density adds.
 */
export interface Bijector {
  readonly constrainedLength: number;
  readonly unconstrainedLength: number;
  readonly discrete: boolean;
  link(x: ArrayLike<number>): Float64Array;
  invlink(y: readonly Real[]): { x: Real[]; logJac: Real };
  /**
   * `link` on AD numbers, for a model that maps a parameter onto ℝⁿ itself (Bijectors' `b(x)`), without `link`'s
   * clamp into the support; absent where Tilde has the map on plain numbers only (correlation, positive definite).
   */
  linkReal?(x: readonly Real[]): Real[];
}
