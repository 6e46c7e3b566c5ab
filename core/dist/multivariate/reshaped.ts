import type { Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Multivariate } from '../types.js';

/**
 * Distributions' `reshape(d, dims)`: d's values read in another shape. Values are flat and column-major
 * throughout, so the density, the support and the draws are d's own; only how a value is laid out changes.
 */
class ReshapedDist implements Multivariate {
  readonly family: string;
  readonly variate: 'multivariate' | 'matrixvariate';
  readonly discrete: boolean;
  readonly improper: boolean;

  constructor(
    private readonly inner: Multivariate,
    readonly shape: readonly number[],
  ) {
    this.family = inner.family;
    this.variate = shape.length === 1 ? 'multivariate' : 'matrixvariate';
    this.discrete = inner.discrete;
    this.improper = inner.improper === true;
  }

  support(): Support {
    return this.inner.support();
  }

  logpdf(x: readonly Real[]): Real {
    return this.inner.logpdf(x);
  }

  rand(rng: Rng): Float64Array {
    return this.inner.rand(rng);
  }

  mean(): Real[] {
    if (this.inner.mean === undefined) throw new DistributionArgumentError('reshape', 'd', `the mean of ${this.inner.family} is not available`);
    return this.inner.mean();
  }
}

/** `reshape(d, dims...)` of a multivariate or matrix-variate d, into a vector or a matrix of as many elements. */
export function reshaped(d: Multivariate, shape: readonly number[]): Multivariate {
  const length = d.shape.reduce((a, b) => a * b, 1);
  if (shape.length < 1 || shape.length > 2 || shape.some((k) => !Number.isInteger(k) || k < 0) || shape.reduce((a, b) => a * b, 1) !== length) {
    throw new DistributionArgumentError('reshape', 'dims', `cannot reshape a ${d.family} of ${length} elements (${d.shape.join('×')}) into ${shape.join('×')}`);
  }
  return new ReshapedDist(d, shape);
}
