import type { DEFAULT_LEAPFROG_STEPS, DEFAULT_PARTICLES } from '../../../core/run/index';

/*
 * The engine's defaults the settings start from. The renderer may import only types of core, so each value is
 * written again here, typed as core's constant's literal type: when core changes one, the type check fails
 * until this follows, so the workbench cannot show one value while the engine runs another.
 */

/** Particle Gibbs's particles (Turing's PG has none). */
export const PARTICLES: typeof DEFAULT_PARTICLES = 20;

/** An HMC block's leapfrog steps when none are set. */
export const LEAPFROG_STEPS: typeof DEFAULT_LEAPFROG_STEPS = 10;
