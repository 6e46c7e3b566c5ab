import type { ParameterInfo } from '../../../core/lang/index';
import type { GibbsBlockSettings } from '../../../core/run/index';
import type { RunSettingsChoice } from '../../../runner/api';
import { ADVI_SAMPLES, LEAPFROG_STEPS, MAX_TREE_DEPTH, PARTICLES, TARGET_ACCEPTANCE } from './engine-defaults';

export type SamplerChoice = RunSettingsChoice['sampler'];
export type SamplerKind = SamplerChoice['sampler'];

export interface SamplerOption {
  kind: SamplerKind;
  label: string;
  /** Needs the log density's gradient, so only continuous parameters. */
  gradient: boolean;
}

export const SAMPLER_OPTIONS: readonly SamplerOption[] = [
  { kind: 'nuts', label: 'NUTS', gradient: true },
  { kind: 'hmc', label: 'HMC', gradient: true },
  { kind: 'hmcda', label: 'HMC-DA', gradient: true },
  { kind: 'mh', label: 'Metropolis–Hastings (MH)', gradient: false },
  { kind: 'pg', label: 'Particle Gibbs (PG)', gradient: false },
  { kind: 'smc', label: 'Sequential Monte Carlo (SMC)', gradient: false },
  { kind: 'is', label: 'Importance sampling (IS)', gradient: false },
  { kind: 'gibbs', label: 'Gibbs', gradient: false },
  { kind: 'prior', label: 'Prior', gradient: false },
  { kind: 'ess', label: 'Elliptical slice (ESS)', gradient: false },
  { kind: 'advi', label: 'Variational (ADVI)', gradient: true },
  { kind: 'map', label: 'MAP (optimise)', gradient: true },
  { kind: 'mle', label: 'MLE (optimise)', gradient: true },
];

export function isSamplerKind(value: string): value is SamplerKind {
  return SAMPLER_OPTIONS.some((o) => o.kind === value);
}

export function samplerOption(kind: SamplerKind): SamplerOption {
  const option = SAMPLER_OPTIONS.find((o) => o.kind === kind);
  if (!option) throw new Error(`unknown sampler ${kind}`);
  return option;
}

/** SMC and IS run their particles once: the draws are the particles, with no warm-up and nothing to thin. */
export function isParticleRun(choice: SamplerChoice): boolean {
  return choice.sampler === 'smc' || choice.sampler === 'is';
}

/** MAP and MLE find a mode instead of drawing a sample. */
export function isOptimizer(choice: SamplerChoice): choice is { sampler: 'map' | 'mle' } {
  return choice.sampler === 'map' || choice.sampler === 'mle';
}

/**
 * Turing's usual pairing: MH for the discrete parameters, NUTS for the continuous ones; but particle Gibbs for
 * a discrete array (an HMM's states), whose joint draw from the prior MH would almost never accept.
 */
export function defaultGibbsBlocks(parameters: readonly ParameterInfo[]): GibbsBlockSettings[] {
  const discrete = parameters.filter((p) => p.discrete);
  const scalars = discrete.filter((p) => p.shape.length === 0).map((p) => p.name);
  const arrays = discrete.filter((p) => p.shape.length > 0).map((p) => p.name);
  const continuous = parameters.filter((p) => !p.discrete).map((p) => p.name);
  const blocks: GibbsBlockSettings[] = [];
  if (scalars.length > 0) blocks.push({ variables: scalars, sampler: 'mh' });
  if (arrays.length > 0) blocks.push({ variables: arrays, sampler: 'pg', particles: PARTICLES });
  if (continuous.length > 0) blocks.push({ variables: continuous, sampler: 'nuts' });
  return blocks;
}

/**
 * A sampler's settings as they start when the user picks it. NUTS and HMC-DA carry the engine's defaults
 * (δ, depth) explicitly so the form shows them; HMC has no default in Turing, so these are a start
 * (the engine's steps for an HMC Gibbs block).
 */
export function defaultSampler(kind: SamplerKind, parameters: readonly ParameterInfo[]): SamplerChoice {
  switch (kind) {
    case 'nuts':
      return { sampler: 'nuts', adaptation: { targetAcceptance: TARGET_ACCEPTANCE }, maxTreeDepth: MAX_TREE_DEPTH };
    case 'hmc':
      return { sampler: 'hmc', stepSize: 0.1, nSteps: LEAPFROG_STEPS };
    case 'hmcda':
      return { sampler: 'hmcda', adaptation: { targetAcceptance: TARGET_ACCEPTANCE }, trajectoryLength: 1 };
    case 'mh':
      return { sampler: 'mh', proposal: 'prior' };
    case 'pg':
      return { sampler: 'pg', particles: PARTICLES };
    case 'gibbs':
      return { sampler: 'gibbs', blocks: defaultGibbsBlocks(parameters) };
    case 'advi':
      return { sampler: 'advi', family: 'meanfield', samplesPerStep: ADVI_SAMPLES };
    case 'prior':
    case 'ess':
    case 'smc':
    case 'is':
    case 'map':
    case 'mle':
      return { sampler: kind };
  }
}

/**
 * Gibbs blocks for a model just checked: when no block names any of its parameters (none set up yet, or
 * all from another model) they start from the model; blocks the user fitted to it stay. Null: no change.
 */
export function gibbsBlocksForModel(sampler: SamplerChoice, parameters: readonly ParameterInfo[]): SamplerChoice | null {
  if (sampler.sampler !== 'gibbs' || parameters.length === 0) return null;
  const names = new Set(parameters.map((p) => p.name));
  if (sampler.blocks.some((b) => b.variables.some((v) => names.has(v)))) return null;
  return { sampler: 'gibbs', blocks: defaultGibbsBlocks(parameters) };
}
