import type { Rng } from '../../rng/index.js';

/** Turing's MH statistics for one step. */
export interface MHInfo {
  /** min(1, r) for the proposal made; 0 when its density was not finite or its evaluation threw. */
  readonly acceptance_rate: number;
  readonly is_accept: boolean;
  /** The log density at the state after the step. */
  readonly lp: number;
  /** What the target threw at the proposal, when it threw. */
  readonly error?: string;
}

export interface Decision {
  readonly accepted: boolean;
  readonly rate: number;
}

/**
 * Accepts with probability min(1, exp(logRatio)). The uniform is drawn even when the answer is
 * certain, so every step takes the same numbers from the stream whatever the densities were.
 */
export function metropolis(rng: Rng, logRatio: number): Decision {
  const u = rng.uniform();
  if (Number.isNaN(logRatio)) return { accepted: false, rate: 0 };
  return { accepted: Math.log(u) < logRatio, rate: logRatio >= 0 ? 1 : Math.exp(logRatio) };
}
