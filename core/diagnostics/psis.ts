/**
 * Pareto smoothed importance sampling (Vehtari, Simpson, Gelman, Yao and Gabry 2024), as the R package
 * loo 2.5 computes it: the largest importance ratios are replaced by the expected order statistics of a
 * generalized Pareto distribution fitted to them, and the fit's shape k says how far the weights can be
 * trusted (k > 0.7: not at all).
 */
import { logsumexp } from '../math/index.js';

/** Draws in the fitted tail: 3√(S / r_eff), at most a fifth of the draws (loo's `n_pareto`). */
export function paretoTailLength(draws: number, relativeEff: number): number {
  return Math.ceil(Math.min(0.2 * draws, 3 * Math.sqrt(draws / relativeEff)));
}

/**
 * PSIS weights normalized to sum to 1, with the tail length of the ratios' relative efficiency (loo's
 * `weights(psis(logRatios, r_eff = rEff))`).
 */
export function importanceWeights(logRatios: Float64Array, relativeEff: number): SmoothedWeights {
  const { logWeights, k } = paretoSmooth(logRatios, paretoTailLength(logRatios.length, relativeEff));
  const norm = logsumexp(logWeights);
  return { logWeights: logWeights.map((w) => w - norm), k };
}

/** Fewer tail draws than this leave the ratios as they are (k is then ∞, as in loo). */
const MIN_TAIL = 5;

/**
 * Zhang and Stephens' (2009) estimate of a generalized Pareto distribution's shape k and scale σ from
 * exceedances sorted ascending, with loo's weakly informative prior pulling k towards 0.5 (`gpdfit`).
 */
export function gpdFit(x: Float64Array): { k: number; sigma: number } {
  const n = x.length;
  const prior = 3;
  const m = 30 + Math.floor(Math.sqrt(n));
  const xStar = x[Math.floor(n / 4 + 0.5) - 1]!;
  const theta = new Float64Array(m);
  const logLik = new Float64Array(m);
  let maxLogLik = -Infinity;
  for (let j = 0; j < m; j++) {
    theta[j] = 1 / x[n - 1]! + (1 - Math.sqrt(m / (j + 0.5))) / prior / xStar;
    // Profile log-likelihood of θ = −k/σ: n (log(−θ/k) − k − 1) with k = mean log1p(−θx).
    let k = 0;
    for (let i = 0; i < n; i++) k += Math.log1p(-theta[j]! * x[i]!);
    k /= n;
    logLik[j] = n * (Math.log(-theta[j]! / k) - k - 1);
    if (logLik[j]! > maxLogLik) maxLogLik = logLik[j]!;
  }
  let norm = 0;
  for (let j = 0; j < m; j++) norm += Math.exp(logLik[j]! - maxLogLik);
  let thetaHat = 0;
  for (let j = 0; j < m; j++) thetaHat += (theta[j]! * Math.exp(logLik[j]! - maxLogLik)) / norm;
  let k = 0;
  for (let i = 0; i < n; i++) k += Math.log1p(-thetaHat * x[i]!);
  k /= n;
  const sigma = -k / thetaHat;
  const a = 10;
  k = (k * n) / (n + a) + (a * 0.5) / (n + a);
  return { k: Number.isNaN(k) ? Infinity : k, sigma };
}

/** The generalized Pareto distribution's quantile function (loo's `qgpd`). */
function gpdQuantile(p: number, k: number, sigma: number): number {
  if (Number.isNaN(sigma) || sigma <= 0) return NaN;
  return (sigma * Math.expm1(-k * Math.log1p(-p))) / k;
}

/** Indices ordering `x` ascending; ties keep their order, as R's `sort.int(…, index.return = TRUE)` does. */
function ascendingOrder(x: Float64Array): Uint32Array {
  const order = Uint32Array.from(x.keys());
  return order.sort((i, j) => x[i]! - x[j]! || i - j);
}

export interface SmoothedWeights {
  /** Unnormalised log weights: the ratios with the tail smoothed and nothing above the largest raw ratio. */
  logWeights: Float64Array;
  /** The fitted shape: k ≤ 0.5 good, ≤ 0.7 usable, above that the estimate is unreliable. */
  k: number;
}

/** PSIS of one observation's log importance ratios over S draws (loo's `do_psis_i`). */
export function paretoSmooth(logRatios: Float64Array, tailLength: number): SmoothedWeights {
  const s = logRatios.length;
  let max = -Infinity;
  for (const r of logRatios) if (r > max) max = r;
  const lw = logRatios.map((r) => r - max);
  let k = Infinity;
  if (tailLength >= MIN_TAIL) {
    const order = ascendingOrder(lw);
    const firstTail = s - tailLength;
    const tail = Float64Array.from({ length: tailLength }, (_, i) => lw[order[firstTail + i]!]!);
    if (Math.abs(tail[tailLength - 1]! - tail[0]!) >= Number.EPSILON / 100) {
      const cutoff = lw[order[firstTail - 1]!]!;
      const expCutoff = Math.exp(cutoff);
      const fit = gpdFit(tail.map((x) => Math.exp(x) - expCutoff));
      k = fit.k;
      if (Number.isFinite(k)) {
        for (let i = 0; i < tailLength; i++) lw[order[firstTail + i]!] = Math.log(gpdQuantile((i + 0.5) / tailLength, k, fit.sigma) + expCutoff);
      }
    }
  }
  for (let i = 0; i < s; i++) lw[i] = Math.min(lw[i]!, 0) + max;
  return { logWeights: lw, k };
}
