import type { Real } from '../ad/index.js';
import type { Rng } from '../rng/index.js';
import type { BoundModel, VarName } from '../model/index.js';
import type { DensityTarget, GibbsBlock } from '../infer/gibbs/index.js';
import { drawsAfter, prefixAt, runParticle, totalAt, type Particle } from './particle-run.js';
import { refuseImproperPriors } from './improper-prior.js';
import { isNamed } from './targets.js';

/** Resample when the particles' effective sample size falls below this fraction of their number (AdvancedPS's default). */
const RESAMPLE_BELOW = 0.5;

export interface ParticleGibbsInfo {
  /** Whether the block moved: the particle drawn at the end was not the reference (the current values). */
  readonly is_accept: boolean;
  readonly resamplings: number;
}

/** Normalised weights from log weights; all zero when every particle has weight zero. */
function weights(logw: Float64Array): Float64Array {
  let max = -Infinity;
  for (const l of logw) if (l > max) max = l;
  return logw.map((l) => (max === -Infinity ? 0 : Math.exp(l - max)));
}

function relativeEss(w: Float64Array): number {
  let sum = 0;
  let squares = 0;
  for (const x of w) {
    sum += x;
    squares += x * x;
  }
  return squares === 0 ? 0 : (sum * sum) / squares / w.length;
}

/** An index drawn with probability proportional to `w`. */
function drawIndex(rng: Rng, w: Float64Array, total: number): number {
  let u = rng.uniform() * total;
  for (let i = 0; i < w.length; i++) {
    u -= w[i]!;
    if (u < 0) return i;
  }
  // Rounding can leave u ≥ 0 past the last weight: the last particle of positive weight.
  for (let i = w.length - 1; i > 0; i--) if (w[i]! > 0) return i;
  return 0;
}

/**
 * Particle Gibbs (Turing's `PG(n)`, Andrieu, Doucet & Holenstein 2010) as a Gibbs block: a conditional
 * sequential Monte Carlo sweep over the block's variables, the others held at their current values. Each
 * particle draws the block's variables from their prior as the model meets them and is weighted at each
 * observation by the rest of the joint; the particles are resampled (multinomially, when their effective
 * number falls below half) after an observation, particle 0 always keeping the current values (the reference
 * trajectory, which makes the sweep a valid MCMC step); one particle drawn by its final weight gives the
 * block's new values.
 *
 * Without coroutines a particle cannot pause at an observation, so each is run through the whole model at
 * once, its later draws made ahead. They do not enter its weights up to an observation, so the particles
 * that resampling keeps there keep them: only a second copy of a particle that draws again later is run
 * anew, from its draws up to there. A model whose block is drawn before its observations (a change point,
 * mixture labels drawn first) then costs one run per particle; a hidden Markov model, resampled at most
 * observations, about one run per copy.
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
      let slots: Particle[] = [reference, ...Array.from({ length: particles - 1 }, () => run(new Map()))];
      const logw = new Float64Array(particles);
      let resamplings = 0;
      for (let stage = 1; ; stage++) {
        slots.forEach((p, i) => {
          const w = logw[i]! + totalAt(p, stage) - totalAt(p, stage - 1);
          logw[i] = Number.isNaN(w) ? -Infinity : w;
        });
        if (slots.every((p) => p.totals.length < stage)) break;
        const w = weights(logw);
        if (relativeEss(w) >= RESAMPLE_BELOW) continue;
        const total = w.reduce((a, b) => a + b, 0);
        const kept = new Set<Particle>([reference]);
        slots = slots.map((p, i) => {
          if (i === 0) return p;
          const ancestor = slots[drawIndex(rng, w, total)]!;
          if (!kept.has(ancestor)) {
            kept.add(ancestor);
            return ancestor;
          }
          return drawsAfter(ancestor, stage) ? run(prefixAt(ancestor, stage)) : ancestor;
        });
        logw.fill(0);
        resamplings++;
      }
      const w = weights(logw);
      const chosen = drawIndex(rng, w, w.reduce((a, b) => a + b, 0));
      const info: ParticleGibbsInfo = { is_accept: chosen !== 0, resamplings };
      if (chosen === 0) return { position: position.slice(), info };
      const trace = slots[chosen]!.trace;
      const { unconstrained } = bound.evaluateAt((vn) => (inBlock(vn) ? trace.get(vn.name) : values.get(vn.name)));
      return { position: Float64Array.from(indices, (i) => unconstrained[i]!), info };
    },
  };
}
