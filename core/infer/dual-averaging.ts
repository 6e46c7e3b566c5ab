/** δ given none: Stan's and Turing's. */
export const DEFAULT_TARGET_ACCEPTANCE = 0.8;

/** Nesterov's dual averaging of log ε (Hoffman & Gelman 2014, §3.2), with Stan's defaults. */
export interface DualAveragingSettings {
  /** δ, the mean acceptance statistic to reach. Default `DEFAULT_TARGET_ACCEPTANCE`. */
  readonly targetAcceptance?: number;
  /** Default 0.05. */
  readonly gamma?: number;
  /** Default 10. */
  readonly t0?: number;
  /** Default 0.75. */
  readonly kappa?: number;
}

export interface DualAveragingState {
  /** Updates since the last restart. */
  readonly counter: number;
  /** The running mean of δ − α, shrunk towards 0 early on by t0. */
  readonly sBar: number;
  /** The weighted average of the iterates x = log ε; exp(x̄) is the step size warm-up ends with. */
  readonly xBar: number;
  /** The point log ε is shrunk towards. */
  readonly mu: number;
  /** exp(x), the step size of the next transition. */
  readonly stepSize: number;
}

/**
 * A fresh start from step size ε, shrinking towards μ = log(10ε) unless told otherwise: Stan restarts so
 * after every metric window, but starts warm-up with μ from the user's step size rather than from the one
 * its heuristic found.
 */
export function dualAveragingStart(stepSize: number, mu = Math.log(10 * stepSize)): DualAveragingState {
  return { counter: 0, sBar: 0, xBar: 0, mu, stepSize };
}

/** One update with the acceptance statistic of the transition just made (Stan's learn_stepsize). */
export function dualAveragingUpdate(state: DualAveragingState, acceptance: number, settings: DualAveragingSettings = {}): DualAveragingState {
  const delta = settings.targetAcceptance ?? DEFAULT_TARGET_ACCEPTANCE;
  const gamma = settings.gamma ?? 0.05;
  const t0 = settings.t0 ?? 10;
  const kappa = settings.kappa ?? 0.75;
  const counter = state.counter + 1;
  const alpha = Math.min(1, acceptance);
  const eta = 1 / (counter + t0);
  const sBar = (1 - eta) * state.sBar + eta * (delta - alpha);
  const x = state.mu - (sBar * Math.sqrt(counter)) / gamma;
  const weight = counter ** -kappa;
  const xBar = (1 - weight) * state.xBar + weight * x;
  return { counter, sBar, xBar, mu: state.mu, stepSize: Math.exp(x) };
}

/**
 * The step size to sample with once adaptation stops: exp(x̄). Without a single update since the last
 * restart x̄ holds nothing, and Stan's exp(0) = 1 (stan-dev/stan#3023) would throw the tuning away, so
 * the current step size stands.
 */
export function dualAveragingFinal(state: DualAveragingState): number {
  return state.counter === 0 ? state.stepSize : Math.exp(state.xBar);
}
