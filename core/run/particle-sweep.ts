import type { Real } from '../ad/index.js';
import { logsumexp } from '../math/index.js';
import type { Rng } from '../rng/index.js';
import { drawsAfter, prefixAt, totalAt, type Particle } from './particle-run.js';

/** Resample when the particles' effective sample size falls below this fraction of their number (AdvancedPS's default). */
export const RESAMPLE_BELOW = 0.5;

/** Normalised weights from log weights; all zero when every particle has weight zero. */
export function weights(logw: Float64Array): Float64Array {
  let max = -Infinity;
  for (const l of logw) if (l > max) max = l;
  return logw.map((l) => (max === -Infinity ? 0 : Math.exp(l - max)));
}

/** Kish's effective number of particles of weights `w`: (Σw)² / Σw², 0 when every weight is 0. */
export function effectiveNumber(w: Float64Array): number {
  let sum = 0;
  let squares = 0;
  for (const x of w) {
    sum += x;
    squares += x * x;
  }
  return squares === 0 ? 0 : (sum * sum) / squares;
}

/** log of the mean of exp(logw): the increment of the evidence since the particles last had equal weights. */
const logMeanExp = (logw: Float64Array): number => logsumexp(logw) - Math.log(logw.length);

/** An index drawn with probability proportional to `w`. */
export function drawIndex(rng: Rng, w: Float64Array, total: number = w.reduce((a, b) => a + b, 0)): number {
  let u = rng.uniform() * total;
  for (let i = 0; i < w.length; i++) {
    u -= w[i]!;
    if (u < 0) return i;
  }
  // Rounding can leave u ≥ 0 past the last weight: the last particle of positive weight.
  for (let i = w.length - 1; i > 0; i--) if (w[i]! > 0) return i;
  return 0;
}

export interface Sweep {
  /** The particles at the end, with their log weights since the last resampling. */
  readonly slots: readonly Particle[];
  readonly logw: Float64Array;
  readonly resamplings: number;
  /** log p(y) estimated as the product of the mean weights between resamplings (Del Moral 2004): unbiased in p(y). */
  readonly logEvidence: number;
}

/**
 * A sequential Monte Carlo sweep over the particles `run` makes, weighted at each observation and resampled
 * (multinomially, when their effective number falls below `resampleBelow` of them) after it. With a
 * `reference`, slot 0 keeps it through every resampling: conditional SMC, the move of particle Gibbs.
 *
 * Without coroutines a particle cannot pause at an observation, so each is run through the whole model at
 * once, its later draws made ahead. They do not enter its weights up to an observation, so the particles
 * that resampling keeps there keep them: only a second copy of a particle that draws again later is run
 * anew, from its draws up to there. A model whose variables are drawn before its observations (a change
 * point, mixture labels drawn first) then costs one run per particle; a hidden Markov model, resampled at
 * most observations, about one run per copy.
 */
export function particleSweep(rng: Rng, run: (replay: ReadonlyMap<string, Real[]>) => Particle, count: number, reference: Particle | undefined, resampleBelow = RESAMPLE_BELOW): Sweep {
  const fresh = Array.from({ length: reference ? count - 1 : count }, () => run(new Map()));
  let slots: Particle[] = reference ? [reference, ...fresh] : fresh;
  const logw = new Float64Array(count);
  let resamplings = 0;
  let logEvidence = 0;
  for (let stage = 1; ; stage++) {
    slots.forEach((p, i) => {
      const w = logw[i]! + totalAt(p, stage) - totalAt(p, stage - 1);
      logw[i] = Number.isNaN(w) ? -Infinity : w;
    });
    if (slots.every((p) => p.totals.length < stage)) break;
    const w = weights(logw);
    if (effectiveNumber(w) / count >= resampleBelow) continue;
    logEvidence += logMeanExp(logw);
    const total = w.reduce((a, b) => a + b, 0);
    const kept = new Set<Particle>(reference ? [reference] : []);
    slots = slots.map((p, i) => {
      if (reference && i === 0) return p;
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
  return { slots, logw, resamplings, logEvidence: logEvidence + logMeanExp(logw) };
}
