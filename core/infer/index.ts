export { evaluate, type Target } from './target.js';
export { diagonalMetric, denseMetric, unitMetric, type Metric } from './metric.js';
export { phasePoint, copyPoint, hamiltonian, updateKinetic, startPoint, type PhasePoint } from './phase-point.js';
export { integrate, gradientsPerStep, velocityVerlet, mclachlan, yoshida, type Integrator } from './integrator.js';
export { initState, type HmcState, type Kernel, type Transition } from './kernel.js';
export { hmc, MAX_ENERGY_ERROR, type HmcParams, type HmcInfo } from './hmc.js';
export { hmcda, stepsForLength, type HmcdaParams } from './hmcda.js';
export { mergedNoUTurn } from './criterion.js';
export { nuts, MAX_TREE_DEPTH, type NutsParams, type NutsInfo } from './nuts.js';
export { dualAveragingStart, dualAveragingUpdate, dualAveragingFinal, DEFAULT_TARGET_ACCEPTANCE, type DualAveragingSettings, type DualAveragingState } from './dual-averaging.js';
export { welfordVariance, welfordCovariance, type WelfordEstimator } from './welford.js';
export { metricWindows, type AdaptationWindow, type WindowSettings } from './windows.js';
export { initialStepSize, StepSizeSearchError } from './step-size-search.js';
export { WindowedAdaptation, type AdaptationSettings } from './adaptation.js';
export {
  runChain,
  metricKindOf,
  type SamplerSettings,
  type NutsSettings,
  type HmcSettings,
  type HmcdaSettings,
  type MetricKind,
  type RunOptions,
  type ChainResult,
  type ChainBatch,
  type DrawsBlock,
} from './run-chain.js';
