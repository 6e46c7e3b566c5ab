import type { GibbsBlockSettings } from '../../../core/run/index';
import type { RunSettingsChoice } from '../../../runner/api';
import { readInitialValues } from './initial-values';
import type { SamplerChoice } from './sampler-choice';

export type SettingsField = 'chains' | 'draws' | 'warmup' | 'seed' | 'thin' | 'sampler' | 'init';
export type SettingsProblems = Partial<Record<SettingsField, string>>;

function integerProblem(label: string, value: number, min: number): string | undefined {
  if (!Number.isFinite(value)) return `${label} needs a number`;
  // 1e20 is whole, but past what a double holds exactly: the field would not run the number it shows.
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return `${label} must be at most ${Number.MAX_SAFE_INTEGER}, got ${value}`;
  if (!Number.isSafeInteger(value)) return `${label} must be a whole number, got ${value}`;
  if (value < min) return `${label} must be at least ${min}, got ${value}`;
  return undefined;
}

function acceptanceProblem(delta: number | undefined): string | undefined {
  if (delta === undefined) return undefined;
  return delta > 0 && delta < 1 ? undefined : `the target acceptance δ must lie between 0 and 1, got ${delta}`;
}

function positiveProblem(label: string, value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value > 0 && Number.isFinite(value) ? undefined : `${label} must be a positive number, got ${value}`;
}

function particlesProblem(particles: number, where?: string): string | undefined {
  return integerProblem(`the number of particles${where === undefined ? '' : ` of ${where}`}`, particles, 2);
}

function blockProblem(b: GibbsBlockSettings, index: number): string | undefined {
  const where = `block ${index + 1}`;
  if (b.sampler === 'pg' && b.particles !== undefined) return particlesProblem(b.particles, where);
  if (b.sampler === 'conditional' && !/^[\p{L}_][\p{L}\p{N}_!]*$/u.test(b.conditional ?? '')) return `${where} needs the name of the file's function that gives its conditional distribution`;
  if (b.sampler !== 'hmc') return undefined;
  return (b.nSteps === undefined ? undefined : integerProblem(`the number of leapfrog steps of ${where}`, b.nSteps, 1)) ?? positiveProblem(`the step size ε of ${where}`, b.stepSize);
}

export function samplerProblem(sampler: SamplerChoice): string | undefined {
  switch (sampler.sampler) {
    case 'nuts':
      return acceptanceProblem(sampler.adaptation?.targetAcceptance) ?? (sampler.maxTreeDepth === undefined ? undefined : integerProblem('the maximum tree depth', sampler.maxTreeDepth, 1));
    case 'hmc':
      return positiveProblem('the step size ε', sampler.stepSize) ?? integerProblem('the number of leapfrog steps L', sampler.nSteps, 1);
    case 'hmcda':
      return acceptanceProblem(sampler.adaptation?.targetAcceptance) ?? positiveProblem('the trajectory length λ', sampler.trajectoryLength);
    case 'mh':
      return sampler.proposal === 'random-walk' ? positiveProblem('the random walk’s scale', sampler.scale) : undefined;
    case 'pg':
      return particlesProblem(sampler.particles);
    case 'gibbs': {
      if (sampler.blocks.length === 0) return 'Gibbs needs at least one block';
      const empty = sampler.blocks.findIndex((b) => b.variables.length === 0);
      if (empty >= 0) return `Gibbs block ${empty + 1} names no variable`;
      return sampler.blocks.map(blockProblem).find((p) => p !== undefined);
    }
    case 'advi':
      return sampler.samplesPerStep === undefined ? undefined : integerProblem('the samples per step', sampler.samplesPerStep, 1);
    default:
      return undefined;
  }
}

/** What stops these settings from making a run, by field; empty when they are fine. */
export function settingsProblems(settings: RunSettingsChoice): SettingsProblems {
  const problems: SettingsProblems = {
    chains: integerProblem('Chains', settings.chains, 1),
    draws: integerProblem('Draws', settings.draws, 1),
    warmup: integerProblem('Warm-up', settings.warmup, 0),
    seed: integerProblem('Seed', settings.seed, 0),
    thin: settings.thin === undefined ? undefined : integerProblem('Thinning', settings.thin, 1),
    sampler: samplerProblem(settings.sampler),
    init: readInitialValues(settings.init).problem,
  };
  return Object.fromEntries(Object.entries(problems).filter(([, message]) => message !== undefined));
}
