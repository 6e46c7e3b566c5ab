import type { InitialValues } from './initial-values.js';
import type { SamplerSettings } from '../infer/index.js';
import type { GaussianFamily } from '../infer/vi/index.js';
import type { ChainsLayout, DrawBatch } from '../chains/index.js';

/** Turing's `MH()` (proposals from the prior) or a random walk in the unconstrained space (`MH(Σ)`). */
export interface MHSettings {
  readonly sampler: 'mh';
  readonly proposal?: 'prior' | 'random-walk';
  /** Random walk: the proposal's standard deviation per continuous coordinate (default 1). */
  readonly scale?: number;
}

/** Draws from the prior alone (Turing's `Prior()`). */
export interface PriorSettings {
  readonly sampler: 'prior';
}

/** One block of `Gibbs(...)`: the variables it updates and how. Gradient blocks use a fixed step size found at the start. */
export interface GibbsBlockSettings {
  readonly variables: readonly string[];
  /**
   * `ess`: elliptical slice sampling under the block's Gaussian prior, Turing's `ESS()` as a Gibbs component;
   * `conditional`: exact draws from conditionals the user derived, Turing's `GibbsConditional(f)`.
   */
  readonly sampler: 'mh' | 'nuts' | 'hmc' | 'pg' | 'ess' | 'conditional';
  /** Each gradient block may differentiate with its own backend. */
  readonly ad?: string;
  /**
   * An MH block's proposal: the block's prior given the other variables (the default, as Turing's
   * `MH()` inside Gibbs), or a random walk (±1 steps for discrete coordinates) of `scale`.
   */
  readonly proposal?: 'prior' | 'random-walk';
  readonly scale?: number;
  readonly nSteps?: number;
  /**
   * An HMC block's step size to start from (Turing's `HMC(ϵ, n)` inside Gibbs keeps it); adapted over the warm-up
   * when there is one. Without it the block searches for one at the starting point, as Stan does.
   */
  readonly stepSize?: number;
  /** A particle Gibbs block's number of particles (Turing's `PG(n)`). */
  readonly particles?: number;
  /** A `conditional` block's function, by the name the file defines it under: it returns the block's conditional distributions. */
  readonly conditional?: string;
}

export interface GibbsSettings {
  readonly sampler: 'gibbs';
  readonly blocks: readonly GibbsBlockSettings[];
}

/** Particles of a particle Gibbs block given none: Turing's PG has no default, its tutorials use 10–120. */
export const DEFAULT_PARTICLES = 20;

/** Leapfrog steps of an HMC Gibbs block given none (Turing's `HMC(ϵ, n)` has no default). */
export const DEFAULT_LEAPFROG_STEPS = 10;

/** Particle Gibbs over every variable (Turing's `PG(n)` on its own): conditional SMC sweeps of `particles` particles. */
export interface PGSettings {
  readonly sampler: 'pg';
  readonly particles: number;
}

/**
 * Turing's `SMC()` and `IS()` on their own: one run of as many particles as draws asked for, every variable drawn
 * from its prior, weighted by the observations (SMC resampling them as it goes); the draws are the particles.
 */
export interface ParticleSettings {
  readonly sampler: 'smc' | 'is';
}

/** Elliptical slice sampling (Turing's `ESS()`), for models whose parameters all have fixed Gaussian priors. */
export interface EssSettings {
  readonly sampler: 'ess';
}

/**
 * Variational inference (Turing's `vi`, ADVI): the optimisation of a Gaussian approximation in the unconstrained
 * space runs as the warm-up (one iteration a gradient step), then the draws are independent draws of it.
 */
export interface AdviSettings {
  readonly sampler: 'advi';
  /** Diagonal or lower-triangular scale (Turing's `q_meanfield_gaussian`, `q_fullrank_gaussian`); meanfield by default. */
  readonly family?: GaussianFamily;
  /** Monte-Carlo draws per gradient step (the first argument of Turing's `ADVI(n, m)`). */
  readonly samplesPerStep?: number;
}

/** Draws per ADVI gradient step given none: Turing's `vi` uses 10. */
export const DEFAULT_ADVI_SAMPLES = 10;

export type Sampler = SamplerSettings | MHSettings | PriorSettings | GibbsSettings | EssSettings | PGSettings | AdviSettings | ParticleSettings;

/** A run as the user asks for it: `sample(model, data, sampler, { draws, warmup, chains, seed, ad })`. */
export interface SampleOptions {
  draws: number;
  warmup: number;
  chains: number;
  seed: number;
  /** An AD backend name as `resolveBackend` reads it; `auto` by default. */
  ad?: string;
  thin?: number;
  /** Which chains of the run to sample (default all): a worker process runs one. */
  chainIndices?: readonly number[];
  /** Constrained initial values by variable or element name; Stan's random initialisation for what they leave out. */
  init?: InitialValues;
  /** Called after every batch of draws with the chain and how far it has got. */
  onProgress?: (progress: Progress) => void;
  /** Iterations per `onProgress` and `onDraws` call (default 100): a worker streaming live asks for fewer. */
  batchSize?: number;
  /**
   * Gradient samplers also report at the first iteration this long after the last report, however few
   * iterations that was; other samplers then report every iteration. Default: by `batchSize` only.
   */
  batchMs?: number;
  /** Called once, before any chain starts, with the columns every batch will have. */
  onLayout?: (layout: ChainsLayout) => void;
  /** Receives each chain's kept draws as they come, constrained, in the layout's columns. */
  onDraws?: (chain: number, batch: DrawBatch) => void;
  /**
   * Constrain and hand over kept draws at most this often (default: every batch). Constraining runs
   * the model on plain numbers; doing so between every few gradient evaluations slows the AD code
   * (its optimised paths keep being discarded), so a live stream groups it by time.
   */
  drawsEveryMs?: number;
  /**
   * Called every few gradient evaluations inside an iteration: one iteration of a gradient sampler can take minutes (an
   * ODE model's first step-size search solves towards the solver's step limit), and a worker that reports nothing that
   * long is stopped as looping. A model that loops within one evaluation still never calls it.
   */
  heartbeat?: () => void;
}

export interface Progress {
  chain: number;
  phase: 'warmup' | 'sampling';
  iteration: number;
  total: number;
  /** Divergent transitions so far in this phase: the sampling count is the kept draws' is_divergent. */
  divergences: number;
}
