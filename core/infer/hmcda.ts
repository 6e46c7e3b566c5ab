import { hmc, type HmcInfo, type HmcParams } from './hmc.js';
import type { Kernel } from './kernel.js';

export interface HmcdaParams extends Omit<HmcParams, 'nSteps'> {
  /** λ = εL, the integration time the number of steps follows as ε adapts. */
  readonly trajectoryLength: number;
}

/** L = max(1, ⌊λ/ε⌋), truncated as Stan's and AdvancedHMC's fixed-integration-time HMC do. */
export function stepsForLength(trajectoryLength: number, stepSize: number): number {
  return Math.max(1, Math.floor(trajectoryLength / stepSize));
}

/**
 * HMC with a target trajectory length (Hoffman & Gelman 2014, algorithm 5): static HMC whose number of
 * steps is recomputed from λ at every step size, so that dual averaging can tune ε alone.
 */
export function hmcda(): Kernel<HmcdaParams, HmcInfo> {
  const inner = hmc();
  return {
    statNames: inner.statNames,
    init: inner.init,
    step: (rng, state, params) => inner.step(rng, state, { ...params, nSteps: stepsForLength(params.trajectoryLength, params.stepSize) }),
  };
}
