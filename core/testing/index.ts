export { demoModels, type DemoModel } from './demo-models.js';
export { bindSource, type BoundSource } from './bind.js';
export { expectGradient, type GradientCheckOptions, type GradientPoints } from './gradient.js';
export { replicationRng, sbcRank, thinByEss, rankUniformity, type Thinned, type RankUniformity } from './sbc.js';
export { twoStateHmm } from './hidden-markov.js';
export { DYNAMICPPL_DEMOS, DEMO_POSTERIOR_MEAN, demoDensities, type DynamicPPLDemo, type DemoPosterior, type DemoDensities } from './dynamicppl-demos.js';
