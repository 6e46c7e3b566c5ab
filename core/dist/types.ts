import type { Real } from '../ad/index.js';
import type { Support } from '../bijectors/index.js';
import type { Rng } from '../rng/index.js';

export type Variate = 'univariate' | 'multivariate' | 'matrixvariate';

/**
 * A distribution in Distributions.jl's parameterisation. Values cross as a `Real` for univariate
 * families and as flat, column-major `Real[]` for the rest (`shape` says how to read them).
 * Parameters may be AD values: `logpdf` computes on plain numbers and returns one node with
 * hand-derived partials with respect to the value and every parameter.
 */
export interface Distribution {
  readonly family: string;
  readonly variate: Variate;
  /** [] for univariate, [n] for vectors, [rows, cols] for matrices. */
  readonly shape: readonly number[];
  readonly discrete: boolean;
  /**
   * Set on improper priors (Flat, FlatPos) and products of them: their `rand` only picks a starting point, so a
   * sampler that proposes from the prior and weighs by the rest of the joint cannot use them. Also set on a file's
   * distribution type without a `rand` method, which starts where Stan would and cannot draw at all.
   */
  readonly improper?: boolean;
  support(): Support;
  logpdf(x: Real | readonly Real[]): Real;
  rand(rng: Rng): number | Float64Array;
}

export interface Univariate extends Distribution {
  readonly variate: 'univariate';
  logpdf(x: Real): Real;
  rand(rng: Rng): number;
  cdf(x: Real): Real;
  logcdf(x: Real): Real;
  ccdf(x: Real): Real;
  logccdf(x: Real): Real;
  quantile(p: number): number;
  mean(): Real;
  var(): Real;
  minimum(): Real;
  maximum(): Real;
  /**
   * Distributions.jl's mode, entropy, skewness and excess kurtosis, for the families where it gives them in closed
   * form (parameters may be AD values, and the results carry them).
   */
  mode?(): Real;
  entropy?(): Real;
  skewness?(): Real;
  kurtosis?(): Real;
}

export interface Multivariate extends Distribution {
  readonly variate: 'multivariate' | 'matrixvariate';
  logpdf(x: readonly Real[]): Real;
  rand(rng: Rng): Float64Array;
  /** Flat, column-major mean where it exists. */
  mean?(): Real[];
}

/** A distribution argument that is out of its domain: `Gamma: shape α must be positive, got -1`. */
export class DistributionArgumentError extends Error {
  constructor(
    readonly family: string,
    readonly argument: string,
    detail: string,
  ) {
    super(`${family}: ${detail}`);
    this.name = 'DistributionArgumentError';
  }
}
