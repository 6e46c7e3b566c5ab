import { lbeta, lgamma } from './special.js';

/**
 * Whole numbers below this keep their log k! once computed. A count model asks for the log factorials of
 * its data, the same few at every gradient: lgamma costs ~100–200 ns where a kept value costs ~10, which
 * for a Poisson regression over 1000 counts was most of a gradient.
 */
const FACTORIALS_KEPT = 4096;
const factorials = new Float64Array(FACTORIALS_KEPT).fill(NaN);

/** log k! for whole k ≥ 0: lgamma(k + 1), the same number, kept for small k. */
export function logFactorial(k: number): number {
  if (!(k >= 0 && k < FACTORIALS_KEPT && Number.isInteger(k))) return lgamma(k + 1);
  const kept = factorials[k]!;
  return Number.isNaN(kept) ? (factorials[k] = lgamma(k + 1)) : kept;
}

/** Trials below this (and so counts, k ≤ n) key a kept log C(n, k). */
const CHOOSE_N_LIMIT = 2 ** 20;
/** Kept coefficients at most: a model whose data hold more distinct (n, k) pairs starts afresh. */
const CHOOSE_KEPT = 2 ** 16;
const chooses = new Map<number, number>();

function logChooseOf(n: number, k: number): number {
  return -Math.log1p(n) - lbeta(n - k + 1, k + 1);
}

/**
 * log C(n, k) through log B, which stays accurate for large n where differences of log Γ cancel; kept for
 * whole n and k, which are a binomial model's data (trials and successes), asked for at every gradient.
 */
export function logChoose(n: number, k: number): number {
  if (!(n >= 0 && n < CHOOSE_N_LIMIT && k >= 0 && k <= n && Number.isInteger(n) && Number.isInteger(k))) return logChooseOf(n, k);
  const key = n * CHOOSE_N_LIMIT + k;
  const kept = chooses.get(key);
  if (kept !== undefined) return kept;
  if (chooses.size >= CHOOSE_KEPT) chooses.clear();
  const v = logChooseOf(n, k);
  chooses.set(key, v);
  return v;
}
