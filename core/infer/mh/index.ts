export { randomWalkMH, type RandomWalkState } from './random-walk.js';
export { priorMH, type PriorProposalTarget, type PriorProposalState } from './prior.js';
export { randomWalkProposal, type RandomWalkProposal, type RandomWalkOptions } from './proposal.js';
export { metropolis, type MHInfo } from './accept.js';
