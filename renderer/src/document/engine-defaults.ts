import type { DEFAULT_TARGET_ACCEPTANCE, MAX_TREE_DEPTH as ENGINE_MAX_TREE_DEPTH } from '../../../core/infer/index';
import type { DEFAULT_ADVI_SAMPLES, DEFAULT_LEAPFROG_STEPS, DEFAULT_PARTICLES } from '../../../core/run/index';

/*
 * The engine's defaults the settings start from. The renderer may import only types of core, so each value is
 * written again here, typed as core's constant's literal type: when core changes one, the type check fails
 * until this follows, so the workbench cannot show one value while the engine runs another.
 */

/** Particle Gibbs's particles (Turing's PG has none). */
export const PARTICLES: typeof DEFAULT_PARTICLES = 20;

/** An HMC block's leapfrog steps when none are set. */
export const LEAPFROG_STEPS: typeof DEFAULT_LEAPFROG_STEPS = 10;

/** NUTS's and HMC-DA's δ, the mean acceptance statistic their step size adapts to. */
export const TARGET_ACCEPTANCE: typeof DEFAULT_TARGET_ACCEPTANCE = 0.8;

/** NUTS's maximum tree depth. */
export const MAX_TREE_DEPTH: typeof ENGINE_MAX_TREE_DEPTH = 10;

/** ADVI's Monte-Carlo draws per gradient step (Turing's `vi` default). */
export const ADVI_SAMPLES: typeof DEFAULT_ADVI_SAMPLES = 10;
