import type { DrawsMatrix } from '../chains/index.js';
import { betaIInv } from '../math/index.js';
import { essMean, essQuantile } from './ess.js';
import { mean, sd } from './moments.js';
import { sortedCopy } from './quantile.js';
import { sharedDraws, type SharedDraws } from './shared-draws.js';
import { mapMatrix } from './transform.js';

/** Monte Carlo standard error of the mean: sd / √ESS_mean. */
export function mcseMean(x: DrawsMatrix | SharedDraws): number {
  const shared = sharedDraws(x);
  return sd(shared.x.data) / Math.sqrt(essMean(shared));
}

/**
 * Monte Carlo standard error of the sd as posterior 1.4.0 computes it (later versions changed it): the
 * variance of the variance estimate from the fourth central moment (Kenney and Keeping 1951), with the
 * ESS of the squared deviations, carried to the sd by a first-order Taylor step.
 */
export function mcseSd(x: DrawsMatrix): number {
  const m = mean(x.data);
  const squared = mapMatrix(x, (v) => (v - m) ** 2);
  const ess = essMean(squared);
  const eVar = mean(squared.data);
  const varVar = (mean(squared.data.map((v) => v * v)) - eVar ** 2) / ess;
  return Math.sqrt(varVar / eVar / 4);
}

/** Normal probabilities of ±1 sd, to the digits posterior uses. */
const ONE_SD_BELOW = 0.1586553;
const ONE_SD_ABOVE = 0.8413447;

/**
 * Monte Carlo standard error of the p-quantile (posterior 1.4.0): half the width of the ±1 sd interval of
 * the quantile's rank, Beta(ESS·p + 1, ESS·(1 − p) + 1), read off the sorted draws.
 */
export function mcseQuantile(x: DrawsMatrix, p: number): number {
  const ess = essQuantile(x, p);
  if (Number.isNaN(ess)) return NaN;
  const a = ess * p + 1;
  const b = ess * (1 - p) + 1;
  const sorted = sortedCopy(x.data);
  const s = sorted.length;
  const lo = sorted[Math.max(Math.floor(betaIInv(a, b, ONE_SD_BELOW) * s), 1) - 1]!;
  const hi = sorted[Math.min(Math.ceil(betaIInv(a, b, ONE_SD_ABOVE) * s), s) - 1]!;
  return (hi - lo) / 2;
}

export function mcseMedian(x: DrawsMatrix): number {
  return mcseQuantile(x, 0.5);
}
