import type { DrawsMatrix } from '../chains/index.js';
import { autocovariance } from './autocovariance.js';
import { isDegenerate } from './degenerate.js';
import { mean, variance } from './moments.js';
import { chainMeans } from './rhat.js';
import { quantileSorted } from './quantile.js';
import { sharedDraws, type SharedDraws } from './shared-draws.js';
import { splitChains, splitPlainMatrix } from './split.js';
import { mapMatrix } from './transform.js';

/** An ESS and whether it hit the cap S·log10(S) that keeps antithetic chains from claiming absurd ESS. */
export interface EssEstimate {
  readonly ess: number;
  readonly capped: boolean;
}

/**
 * Effective sample size of the chains as given (Vehtari et al. 2021, as posterior's `.ess`): the multi-chain
 * autocorrelation ρ̂_t = 1 − (W − mean autocovariance_t) / var⁺, summed in pairs by Geyer's initial positive
 * sequence, made monotone, and closed with the improved (antithetic-friendly) last term.
 */
export function essKernelDetailed(x: DrawsMatrix): EssEstimate {
  const n = x.draws;
  const m = x.chains;
  if (n < 3 || isDegenerate(x.data)) return { ess: NaN, capped: false };
  const acovMeans = new Float64Array(n);
  for (let c = 0; c < m; c++) {
    const ac = autocovariance(x.data.subarray(c * n, (c + 1) * n));
    for (let t = 0; t < n; t++) acovMeans[t]! += ac[t]!;
  }
  for (let t = 0; t < n; t++) acovMeans[t]! /= m;
  const meanVar = (acovMeans[0]! * n) / (n - 1);
  let varPlus = (meanVar * (n - 1)) / n;
  if (m > 1) varPlus += variance(chainMeans(x));
  const rhoAt = (t: number) => 1 - (meanVar - acovMeans[t]!) / varPlus;

  const rho = new Float64Array(n);
  rho[0] = 1;
  let even = 1;
  let odd = rhoAt(1);
  rho[1] = odd;
  let t = 0;
  while (t < n - 5 && !Number.isNaN(even + odd) && even + odd > 0) {
    t += 2;
    even = rhoAt(t);
    odd = rhoAt(t + 1);
    if (even + odd >= 0) {
      rho[t] = even;
      rho[t + 1] = odd;
    }
  }
  const maxT = t;
  if (even > 0) rho[maxT] = even;
  for (let k = 2; k <= maxT - 2; k += 2) {
    if (rho[k]! + rho[k + 1]! > rho[k - 2]! + rho[k - 1]!) {
      rho[k] = (rho[k - 2]! + rho[k - 1]!) / 2;
      rho[k + 1] = rho[k]!;
    }
  }
  // R's rho[1:max_t] is rho[1] alone when max_t is 0.
  let partial = rho[0]!;
  for (let k = 1; k < maxT; k++) partial += rho[k]!;
  let tau = -1 + 2 * partial + rho[maxT]!;
  const s = n * m;
  const bound = 1 / Math.log10(s);
  const capped = tau < bound;
  if (capped) tau = bound;
  return { ess: s / tau, capped };
}

export function essKernel(x: DrawsMatrix): number {
  return essKernelDetailed(x).ess;
}

/** Split-chain ESS without rank normalisation (posterior's `ess_basic`, the ESS of the mean). */
export function essBasic(x: DrawsMatrix | SharedDraws): number {
  return essKernel(sharedDraws(x).split);
}

/** ESS for the mean; the same as `essBasic`, under posterior's other name. */
export const essMean = essBasic;

/** Bulk-ESS with whether the cap was hit: ESS of the rank-normalised split chains. */
export function essBulkDetailed(x: DrawsMatrix | SharedDraws): EssEstimate {
  return essKernelDetailed(sharedDraws(x).bulkZ);
}

export function essBulk(x: DrawsMatrix | SharedDraws): number {
  return essBulkDetailed(x).ess;
}

/** ESS of the p-quantile: the ESS of the split-chain indicator I(x ≤ q_p). */
export function essQuantile(draws: DrawsMatrix | SharedDraws, p: number): number {
  const shared = sharedDraws(draws);
  const x = shared.x;
  if (isDegenerate(x.data)) return NaN;
  const s = x.data.length;
  // posterior moves p = 1 just inside, where the indicator is not constant 1.
  const q = quantileSorted(shared.sorted, p === 1 ? (s - 0.5) / s : p);
  // The comparison leaves posterior a plain logical matrix even inside summarise_draws, so chains of two
  // or three draws have a tail ESS there (from three chains on) while their bulk ESS and R-hat are NA.
  return essKernel(splitPlainMatrix(mapMatrix(x, (v) => (v <= q ? 1 : 0))));
}

export function essMedian(x: DrawsMatrix | SharedDraws): number {
  return essQuantile(x, 0.5);
}

/** Tail-ESS: the smaller of the ESS of the 5% and 95% quantiles. */
export function essTail(x: DrawsMatrix | SharedDraws): number {
  const shared = sharedDraws(x);
  return Math.min(essQuantile(shared, 0.05), essQuantile(shared, 0.95));
}

/** ESS for the standard deviation (posterior 1.4.0): the ESS of |x − mean(x)|. */
export function essSd(x: DrawsMatrix): number {
  const m = mean(x.data);
  return essKernel(splitChains(mapMatrix(x, (v) => Math.abs(v - m))));
}
