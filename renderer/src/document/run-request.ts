import type { EngineRequest, RunSettingsChoice } from '../../../runner/api';
import type { OptimizeRequest, RunRequest } from '../../../runner/protocol';
import type { WorkspaceDocument } from './document-store';
import { isOptimizer, isParticleRun } from './sampler-choice';
import { readInitialValues } from './initial-values';
import { settingsProblems, type SettingsProblems } from './settings-problems';

/** The model and its data as the engine's check and benchmark take them. */
export function buildEngineRequest(document: Pick<WorkspaceDocument, 'source' | 'data'> & Partial<Pick<WorkspaceDocument, 'modelName'>>): EngineRequest {
  const { source, data, modelName } = document;
  return { source, ...(data ? { data: { text: data.text, format: data.format } } : {}), ...(modelName ? { modelName } : {}) };
}

export function buildRunRequest(document: WorkspaceDocument, settings: RunSettingsChoice): RunRequest {
  const { sampler } = settings;
  if (isOptimizer(sampler)) throw new Error(`${sampler.sampler.toUpperCase()} finds a mode, it does not sample: use buildOptimizeRequest`);
  return {
    ...buildEngineRequest(document),
    sampler,
    chains: settings.chains,
    draws: settings.draws,
    warmup: isParticleRun(sampler) ? 0 : settings.warmup,
    seed: settings.seed,
    ad: settings.ad,
    ...(settings.thin !== undefined && !isParticleRun(sampler) ? { thin: settings.thin } : {}),
    ...initialValuesOf(settings),
  };
}

function initialValuesOf(settings: RunSettingsChoice): Pick<RunRequest & OptimizeRequest, 'init'> {
  const { values } = readInitialValues(settings.init);
  return values ? { init: values } : {};
}

export function buildOptimizeRequest(document: WorkspaceDocument, settings: RunSettingsChoice): OptimizeRequest {
  const { sampler } = settings;
  if (!isOptimizer(sampler)) throw new Error(`${sampler.sampler} samples: use buildRunRequest`);
  return { ...buildEngineRequest(document), kind: sampler.sampler, seed: settings.seed, ad: settings.ad, ...initialValuesOf(settings) };
}

export type { OptimizeRequest };

export type WorkspaceAction =
  | { kind: 'run'; request: RunRequest }
  | { kind: 'optimize'; request: OptimizeRequest }
  | { kind: 'invalid'; problems: SettingsProblems };

/** What Run does with this document and these settings: sample, optimise, or nothing until the settings are fixed. */
export function workspaceAction(document: WorkspaceDocument, settings: RunSettingsChoice): WorkspaceAction {
  const problems = settingsProblems(settings);
  // The run's size does not matter to an optimisation; only where it starts (the seed, initial values) does.
  const relevant = isOptimizer(settings.sampler) ? Object.fromEntries(Object.entries(problems).filter(([field]) => field === 'seed' || field === 'init')) : problems;
  if (Object.keys(relevant).length > 0) return { kind: 'invalid', problems: relevant };
  return isOptimizer(settings.sampler)
    ? { kind: 'optimize', request: buildOptimizeRequest(document, settings) }
    : { kind: 'run', request: buildRunRequest(document, settings) };
}
