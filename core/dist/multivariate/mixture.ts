import { ops, valuesOf, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { randCategorical, type Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Multivariate } from '../types.js';
import { logMixture } from '../log-mixture.js';
import { checkProbVector } from '../univariate/check.js';

/** log Σₖ wₖ pₖ(x) by log-sum-exp, for components of one multivariate (or matrix) shape. */
class MvMixtureDist implements Multivariate {
  readonly family = 'MixtureModel';
  readonly variate: 'multivariate' | 'matrixvariate';
  readonly discrete: boolean;
  readonly shape: readonly number[];
  private readonly weightsV: Float64Array;

  constructor(
    private readonly components: readonly Multivariate[],
    private readonly weights: readonly Real[],
  ) {
    this.variate = components[0]!.variate;
    this.shape = components[0]!.shape;
    this.discrete = components.some((c) => c.discrete);
    this.weightsV = valuesOf(weights);
  }

  support(): Support {
    return this.components[0]!.support();
  }

  logpdf(x: readonly Real[]): Real {
    return logMixture(
      this.weights,
      this.components.map((c) => c.logpdf(x)),
    );
  }

  rand(rng: Rng): Float64Array {
    return this.components[randCategorical(rng, this.weightsV)]!.rand(rng);
  }

  mean(): Real[] {
    const means = this.components.map((c) => {
      if (c.mean === undefined) throw new DistributionArgumentError(this.family, 'mean', `the mean of ${c.family} is not available`);
      return c.mean();
    });
    return means[0]!.map((_, i) => ops.sumOf(means.map((m, k) => ops.mul(this.weights[k]!, m[i]!))));
  }
}

/** Distributions' `MixtureModel(components, weights)` for multivariate or matrix components; equal weights by default. */
export function MvMixtureModel(components: readonly Multivariate[], weights?: readonly Real[]): Multivariate {
  const fail = (argument: string, detail: string): never => {
    throw new DistributionArgumentError('MixtureModel', argument, detail);
  };
  if (components.length === 0) fail('components', 'needs at least one component');
  const first = components[0]!;
  for (const c of components) {
    if (c.variate !== first.variate || c.shape.join() !== first.shape.join()) {
      fail('components', `components must all have one shape, got [${first.shape.join(', ')}] (${first.family}) and [${c.shape.join(', ')}] (${c.family})`);
    }
  }
  const w = weights ?? new Array<Real>(components.length).fill(1 / components.length);
  if (w.length !== components.length) fail('weights', `expected ${components.length} weights, got ${w.length}`);
  checkProbVector('MixtureModel', 'weights', w);
  return new MvMixtureDist(components, w);
}
