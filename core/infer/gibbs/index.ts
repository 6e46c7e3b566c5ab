export type { Kernel, KernelState, Transition, DensityTarget, GradientTarget } from './kernel.js';
export { attempt, currentLog, type Attempt } from './attempt.js';
export { conditionalTarget } from './conditional.js';
export { Gibbs, block, adaptiveStepBlock, type GibbsBlock, type GibbsState, type GibbsInfo } from './gibbs.js';
