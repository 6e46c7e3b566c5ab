import type { Real } from '../ad/index.js';
import type { BoundModel, VarName } from '../model/index.js';
import type { DensityTarget, GibbsBlock } from '../infer/gibbs/index.js';
import { runParticle, type Particle } from './particle-run.js';
import { drawIndex, particleSweep, weights } from './particle-sweep.js';
import { refuseImproperPriors } from './improper-prior.js';
import { isNamed } from './targets.js';

export interface ParticleGibbsInfo {
  /** Whether the block moved: the particle drawn at the end was not the reference (the current values). */
  readonly is_accept: boolean;
  readonly resamplings: number;
}

/**
 * Particle Gibbs (Turing's `PG(n)`, Andrieu, Doucet & Holenstein 2010) as a Gibbs block: a conditional
 * sequential Monte Carlo sweep over the block's variables, the others held at their current values. Each
 * particle draws the block's variables from their prior as the model meets them and is weighted at each
 * observation by the rest of the joint; the particles are resampled (multinomially, when their effective
 * number falls below half) after an observation, particle 0 always keeping the current values (the reference
 * trajectory, which makes the sweep a valid MCMC step); one particle drawn by its final weight gives the
 * block's new values.
 */
export function particleBlock(bound: BoundModel, names: readonly string[], indices: readonly number[], particles: number): GibbsBlock<DensityTarget> {
  if (!Number.isInteger(particles) || particles < 2) throw new RangeError(`particle Gibbs needs at least 2 particles, got ${particles}`);
  const membership = new Map<string, boolean>();
  const inBlock = (vn: VarName): boolean => {
    let member = membership.get(vn.name);
    if (member === undefined) membership.set(vn.name, (member = isNamed(vn.name, names)));
    return member;
  };
  refuseImproperPriors(bound, 'particle Gibbs', inBlock);
  return {
    indices: [...indices],
    update: (rng, position, conditional) => {
      if (!conditional.embed) throw new Error('a particle Gibbs block needs its conditional target to embed the block in the full position');
      const values = new Map(bound.run(Array.from(conditional.embed(position)), true).variables.map((v) => [v.name, Array.from(v.value)]));
      const run = (replay: ReadonlyMap<string, Real[]>): Particle => runParticle(bound, replay, values, inBlock, rng);
      const reference = run(new Map([...values].filter(([name]) => isNamed(name, names))));
      const { slots, logw, resamplings } = particleSweep(rng, run, particles, reference);
      const chosen = drawIndex(rng, weights(logw));
      const info: ParticleGibbsInfo = { is_accept: chosen !== 0, resamplings };
      if (chosen === 0) return { position: position.slice(), info };
      const trace = slots[chosen]!.trace;
      const { unconstrained } = bound.evaluateAt((vn) => (inBlock(vn) ? trace.get(vn.name) : values.get(vn.name)));
      return { position: Float64Array.from(indices, (i) => unconstrained[i]!), info };
    },
  };
}
