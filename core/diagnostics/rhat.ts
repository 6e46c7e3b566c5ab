import type { DrawsMatrix } from '../chains/index.js';
import { isDegenerate } from './degenerate.js';
import { mean, variance } from './moments.js';
import { splitChains } from './split.js';
import { sharedDraws, type SharedDraws } from './shared-draws.js';

/**
 * Chain means, in chain order, summed in plain double precision and divided once, as matrixStats'
 * `colMeans2` (0.63) does for posterior. Not `mean`: draws far from zero (1e8 + noise of 1e-4) have
 * chain means a few ulps apart, and R-hat and ESS are differences of such means, so the more exact mean
 * moved them by 1e-3 from posterior's; chains constant at different values got R-hat ∞ where posterior's
 * rounded means leave a within-chain variance of ~1e-30 and an R-hat of ~1e15.
 */
export function chainMeans(x: DrawsMatrix): Float64Array {
  const n = x.draws;
  const means = new Float64Array(x.chains);
  for (let c = 0; c < x.chains; c++) {
    let s = 0;
    for (let i = c * n; i < (c + 1) * n; i++) s += x.data[i]!;
    means[c] = s / n;
  }
  return means;
}

/** The potential scale reduction of the chains as given (Gelman et al. 2013): √((B/W + n − 1) / n). */
export function rhatKernel(x: DrawsMatrix): number {
  if (isDegenerate(x.data)) return NaN;
  const n = x.draws;
  const means = chainMeans(x);
  const vars = new Float64Array(x.chains);
  for (let c = 0; c < x.chains; c++) vars[c] = variance(x.data.subarray(c * n, (c + 1) * n), means[c]);
  const between = n * variance(means);
  const within = mean(vars);
  return Math.sqrt((between / within + n - 1) / n);
}

/** Split R̂ without rank normalisation (posterior's `rhat_basic`). */
export function rhatBasic(x: DrawsMatrix): number {
  return rhatKernel(splitChains(x));
}

/** Rank-normalised split R̂ of the draws: the bulk half of `rhat`. */
export function rhatBulk(x: DrawsMatrix | SharedDraws): number {
  return rhatKernel(sharedDraws(x).bulkZ);
}

/** Rank-normalised split R̂ of the draws folded about their median: the tail half of `rhat`. */
export function rhatTail(x: DrawsMatrix | SharedDraws): number {
  return rhatKernel(sharedDraws(x).tailZ);
}

/** R̂ of Vehtari et al. (2021), posterior's `rhat`: the larger of the bulk and tail R̂. NaN if either is. */
export function rhat(x: DrawsMatrix | SharedDraws): number {
  const shared = sharedDraws(x);
  return Math.max(rhatBulk(shared), rhatTail(shared));
}
