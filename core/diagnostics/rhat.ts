import type { DrawsMatrix } from '../chains/index.js';
import { isDegenerate } from './degenerate.js';
import { mean, variance } from './moments.js';
import { splitChains } from './split.js';
import { sharedDraws, type SharedDraws } from './shared-draws.js';

/** Chain means, in chain order. */
export function chainMeans(x: DrawsMatrix): Float64Array {
  const means = new Float64Array(x.chains);
  for (let c = 0; c < x.chains; c++) means[c] = mean(x.data.subarray(c * x.draws, (c + 1) * x.draws));
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
