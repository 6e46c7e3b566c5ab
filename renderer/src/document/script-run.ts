import type { ScriptRun } from '../../../core/lang/index';
import type { RunSettingsChoice } from '../../../runner/api';

/** The settings as the script's `sample(…)` line runs the model; what the line leaves out stays as it was. */
export function withScriptRun(settings: RunSettingsChoice, run: ScriptRun): RunSettingsChoice {
  return {
    ...settings,
    sampler: run.sampler,
    ...(run.draws !== undefined ? { draws: run.draws } : {}),
    ...(run.warmup !== undefined ? { warmup: run.warmup } : {}),
    ...(run.chains !== undefined ? { chains: run.chains } : {}),
    ...(run.thin !== undefined ? { thin: run.thin } : {}),
    ...(run.ad !== undefined ? { ad: run.ad } : {}),
    ...(run.init !== undefined ? { init: JSON.stringify(run.init) } : {}),
  };
}

/** Whether the settings already run as the script's line does (the spread keeps the key order, so the texts compare). */
export function runsAsScript(settings: RunSettingsChoice, run: ScriptRun): boolean {
  return JSON.stringify(withScriptRun(settings, run)) === JSON.stringify(settings);
}
