import type { Rng } from '../../rng/index.js';
import { attempt, currentLog, type DensityTarget, type Kernel } from '../gibbs/index.js';
import { metropolis, type MHInfo } from './accept.js';
import { checkPosition } from './position.js';

/** A target that can also draw from its prior and evaluate its log-likelihood, both in the sampler's space. */
export interface PriorProposalTarget extends DensityTarget {
  drawPrior(rng: Rng): Float64Array;
  loglikelihood(theta: Float64Array): number;
}

export interface PriorProposalState {
  readonly position: Float64Array;
  readonly lp: number;
  readonly loglikelihood: number;
  readonly target: PriorProposalTarget;
}

/**
 * Independence Metropolis–Hastings with the prior as proposal (Turing's `MH()` without arguments): the
 * prior cancels from the ratio, leaving the likelihoods'. The log joint is evaluated only for accepted
 * points, for the chain's `lp`; an accepted draw where it is not finite (outside the support) is rejected.
 */
export const priorMH: Kernel<PriorProposalTarget, PriorProposalState, void, MHInfo> = {
  init: (position, target) => {
    checkPosition(position, target);
    return { position: position.slice(), lp: target.logdensity(position), loglikelihood: target.loglikelihood(position), target };
  },
  step: (rng, state) => {
    const { target } = state;
    const proposed = attempt(() => {
      const candidate = target.drawPrior(rng);
      if (candidate.length !== target.dimension) throw new RangeError(`drawPrior returned ${candidate.length} coordinates, the target has ${target.dimension}`);
      return { candidate, loglikelihood: target.loglikelihood(candidate) };
    });
    const loglikelihood = proposed.ok && Number.isFinite(proposed.value.loglikelihood) ? proposed.value.loglikelihood : NaN;
    const { accepted, rate } = metropolis(rng, loglikelihood - currentLog(state.loglikelihood));
    const joint = proposed.ok && accepted ? attempt(() => target.logdensity(proposed.value.candidate)) : undefined;
    const error = !proposed.ok ? proposed.error : joint?.ok === false ? joint.error : undefined;
    if (proposed.ok && joint?.ok === true && Number.isFinite(joint.value)) {
      return { state: { position: proposed.value.candidate, lp: joint.value, loglikelihood, target }, info: { acceptance_rate: rate, is_accept: true, lp: joint.value } };
    }
    const info = { acceptance_rate: joint === undefined ? rate : 0, is_accept: false, lp: state.lp };
    return { state, info: error === undefined ? info : { ...info, error } };
  },
};
