import { value, type Real } from '../ad/index.js';
import type { Rng } from '../rng/index.js';
import { ModelError, PriorContext, type BoundModel, type VarName } from '../model/index.js';
import type { Distribution, Multivariate, Univariate } from '../dist/index.js';
import type { EllipticalTarget } from '../infer/ess/index.js';
import { drawFromPrior } from './targets.js';

/** The priors elliptical slice sampling can move a variable under: a GP at its inputs, `f(x, σ²)`, is the sampler's first use. */
export const GAUSSIAN = new Set(['Normal', 'MvNormal', 'FiniteGP']);

/** A distribution's mean as the values of one draw. */
export function meanOf(dist: Distribution): Real[] {
  return dist.variate === 'univariate' ? [(dist as Univariate).mean()] : Array.from((dist as Multivariate).mean?.() ?? []);
}

/** Runs the model from the prior and records the mean of each variable's prior as it stood. */
class PriorMeans extends PriorContext {
  readonly means: number[] = [];
  readonly families: string[] = [];

  protected override valueOf(vn: VarName, dist: Distribution): Real[] {
    this.families.push(dist.family);
    for (const m of meanOf(dist)) this.means.push(value(m));
    return super.valueOf(vn, dist);
  }
}

function priorMeans(bound: BoundModel, rng: Rng): PriorMeans {
  const ctx = new PriorMeans(rng);
  bound.model.run(ctx, bound.args);
  return ctx;
}

/**
 * Turing's `ESS()` needs every parameter to have a Gaussian prior whose mean and covariance do not
 * depend on other parameters: checked by reading the prior means under two different prior draws.
 */
export function ellipticalTarget(bound: BoundModel, rng: Rng): EllipticalTarget {
  const first = priorMeans(bound, rng);
  const other = first.families.findIndex((f) => !GAUSSIAN.has(f));
  if (other >= 0) {
    const v = bound.variables[other]!;
    throw new ModelError(`ESS needs a Gaussian prior (Normal, MvNormal or a GP's f(x)) on every parameter, but \`${v.name}\` has a ${v.family} prior: use NUTS or MH`, v.span);
  }
  const second = priorMeans(bound, rng);
  if (first.means.some((m, i) => m !== second.means[i])) {
    throw new ModelError('ESS needs Gaussian priors with fixed parameters, but a prior mean here depends on other parameters: use NUTS or MH', bound.variables[0]?.span);
  }
  const priorMean = Float64Array.from(first.means);
  return {
    dimension: bound.dimension,
    priorMean,
    drawPriorDeviation: (r) => drawFromPrior(bound, r).map((x, i) => x - priorMean[i]!),
    loglikelihood: (theta) => bound.weightAt(Array.from(theta)),
  };
}
