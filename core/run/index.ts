export { sample, chainRng } from './sample.js';
export { DEFAULT_LEAPFROG_STEPS, DEFAULT_PARTICLES, DEFAULT_ADVI_SAMPLES } from './settings.js';
export { initialPoint } from './initial-point.js';
export type { SampleOptions, Progress, Sampler, MHSettings, PriorSettings, GibbsSettings, GibbsBlockSettings, EssSettings, PGSettings, AdviSettings, ParticleSettings } from './settings.js';
export { optimize, type OptimizeOptions, type OptimizeResult } from './optimize.js';
export { missingLike, predict } from './predict.js';
export { initialValuesByElement, linkInitialValues, type InitialValue, type InitialValues } from './initial-values.js';
export { runLoo, type RunLoo } from './pointwise.js';
export { particleDraws, type ParticleDraws } from './smc-chain.js';
