import type { Rng } from '../rng/index.js';
import type { ParticleFit } from '../chains/index.js';
import type { BoundModel } from '../model/index.js';
import type { Real } from '../ad/index.js';
import { runParticle, type Particle } from './particle-run.js';
import { drawIndex, effectiveNumber, particleSweep, weights, RESAMPLE_BELOW } from './particle-sweep.js';
import { refuseImproperPriors } from './improper-prior.js';

export interface ParticleDraws {
  /** `particles` unconstrained positions, one per row, resampled by the final weights. */
  readonly draws: Float64Array;
  /** Each draw's log joint. */
  readonly lp: Float64Array;
  readonly fit: ParticleFit;
}

/**
 * Turing's `SMC()` and `IS()`: every variable drawn from its prior as the model meets it, the particles weighted
 * by the observations. SMC resamples them after an observation whenever their effective number falls below
 * half (AdvancedPS's rule); IS never does, so its weights are the whole likelihood (importance sampling with the
 * prior as proposal). Turing returns the particles with their weights; here they are resampled once more by the
 * final weights, so that the draws are equally weighted and every summary, plot and export reads them as any
 * chain's, and the evidence and the final effective number are reported instead.
 */
export function particleDraws(bound: BoundModel, method: 'smc' | 'is', particles: number, rng: Rng, heartbeat: () => void = () => {}): ParticleDraws {
  if (!Number.isInteger(particles) || particles < 1) throw new RangeError(`${method === 'smc' ? 'SMC' : 'IS'} needs at least 1 particle, got ${particles}`);
  const all = (): boolean => true;
  refuseImproperPriors(bound, method === 'smc' ? 'sequential Monte Carlo' : 'importance sampling', all);
  const none = new Map<string, number[]>();
  // A sweep hands over no draw until it ends: the heartbeat after each particle's run keeps a worker from seeming silent.
  const run = (replay: ReadonlyMap<string, Real[]>): Particle => {
    const p = runParticle(bound, replay, none, all, rng);
    heartbeat();
    return p;
  };
  const sweep = particleSweep(rng, run, particles, undefined, method === 'smc' ? RESAMPLE_BELOW : 0);
  const w = weights(sweep.logw);
  const total = w.reduce((a, b) => a + b, 0);
  if (total === 0) throw new RangeError(`every one of the ${particles} particles has weight zero: the data are impossible under every draw from the prior (check the data and the priors' supports)`);
  const d = bound.dimension;
  const draws = new Float64Array(particles * d);
  const lp = new Float64Array(particles);
  for (let i = 0; i < particles; i++) {
    const trace = sweep.slots[drawIndex(rng, w, total)]!.trace;
    const { unconstrained, parts } = bound.evaluateAt((vn) => trace.get(vn.name));
    draws.set(unconstrained, i * d);
    lp[i] = parts.logjoint;
  }
  const distinct = new Set(Array.from({ length: particles }, (_, i) => draws.subarray(i * d, (i + 1) * d).join(','))).size;
  const fit: ParticleFit = { method, particles, logEvidence: sweep.logEvidence, resamplings: sweep.resamplings, effectiveParticles: effectiveNumber(w), distinctDraws: distinct };
  return { draws, lp, fit };
}
