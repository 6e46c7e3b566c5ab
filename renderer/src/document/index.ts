export { useDocumentStore, currentDocument, EMPTY_DOCUMENT, type WorkspaceDocument, type DataFile } from './document-store';
export { useSettingsStore, DEFAULT_SETTINGS, type RunSize } from './settings-store';
export {
  SAMPLER_OPTIONS,
  samplerOption,
  isSamplerKind,
  isOptimizer,
  isParticleRun,
  defaultSampler,
  defaultGibbsBlocks,
  gibbsBlocksForModel,
  type SamplerChoice,
  type SamplerKind,
  type SamplerOption,
} from './sampler-choice';
export { PARTICLES, LEAPFROG_STEPS, TARGET_ACCEPTANCE, MAX_TREE_DEPTH, ADVI_SAMPLES } from './engine-defaults';
export { withScriptRun, runsAsScript } from './script-run';
export { settingsProblems, samplerProblem, type SettingsProblems, type SettingsField } from './settings-problems';
export { buildRunRequest, buildOptimizeRequest, buildEngineRequest, workspaceAction, type OptimizeRequest, type WorkspaceAction } from './run-request';
