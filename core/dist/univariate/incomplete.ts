import { betaI, betaIc, gammaP, gammaQ } from '../../math/index.js';
import { logProb } from './numeric.js';

/**
 * Logs of the regularised incomplete gamma and beta functions, each accurate in both tails (the cdfs of
 * Gamma, χ², χ, InverseGamma and Poisson; of Beta, TDist, Binomial and NegativeBinomial).
 */

/** log P(a, x) */
export function logGammaP(a: number, x: number): number {
  if (x <= 0) return -Infinity;
  if (x === Infinity) return 0;
  return logProb(gammaP(a, x), gammaQ(a, x));
}

/** log Q(a, x) */
export function logGammaQ(a: number, x: number): number {
  if (x <= 0) return 0;
  if (x === Infinity) return -Infinity;
  return logProb(gammaQ(a, x), gammaP(a, x));
}

/** log I_x(a, b) */
export function logBetaI(a: number, b: number, x: number): number {
  if (x <= 0) return -Infinity;
  if (x >= 1) return 0;
  return logProb(betaI(a, b, x), betaIc(a, b, x));
}

/** log(1 − I_x(a, b)) */
export function logBetaIc(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return -Infinity;
  return logProb(betaIc(a, b, x), betaI(a, b, x));
}
