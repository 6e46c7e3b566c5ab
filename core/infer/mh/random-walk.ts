import { attempt, currentLog, type DensityTarget, type Kernel } from '../gibbs/index.js';
import { metropolis, type MHInfo } from './accept.js';
import { checkPosition } from './position.js';
import { proposeRandomWalk, type RandomWalkProposal } from './proposal.js';

export interface RandomWalkState {
  readonly position: Float64Array;
  readonly lp: number;
  readonly target: DensityTarget;
}

/**
 * Random-walk Metropolis in the unconstrained space (Turing's `MH(Σ)`); the proposal is symmetric, so
 * the ratio is the densities' alone. The start's density may be -∞ or NaN (outside the support): the
 * first finite proposal is then accepted. An exception from the target at the start is not caught, as
 * there is no state to fall back on.
 */
export const randomWalkMH: Kernel<DensityTarget, RandomWalkState, RandomWalkProposal, MHInfo> = {
  init: (position, target) => {
    checkPosition(position, target);
    return { position: position.slice(), lp: target.logdensity(position), target };
  },
  step: (rng, state, proposal) => {
    if (proposal.dimension !== state.position.length) throw new RangeError(`the proposal is for ${proposal.dimension} coordinates, the state has ${state.position.length}`);
    const { target } = state;
    const candidate = proposeRandomWalk(rng, state.position, proposal, target.discrete);
    const evaluated = attempt(() => target.logdensity(candidate));
    const lp = evaluated.ok && Number.isFinite(evaluated.value) ? evaluated.value : NaN;
    const { accepted, rate } = metropolis(rng, lp - currentLog(state.lp));
    const info = { acceptance_rate: rate, is_accept: accepted, lp: accepted ? lp : state.lp };
    const error = evaluated.ok ? {} : { error: evaluated.error };
    return { state: accepted ? { position: candidate, lp, target } : state, info: { ...info, ...error } };
  },
};
