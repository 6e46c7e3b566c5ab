import type { Rng } from '../../rng/index.js';
import { attempt, currentLog, type Kernel } from '../gibbs/index.js';

/** A posterior with a Gaussian prior N(priorMean, Σ): Σ is known only through draws of N(0, Σ). */
export interface EllipticalTarget {
  readonly dimension: number;
  readonly priorMean: Float64Array;
  drawPriorDeviation(rng: Rng): Float64Array;
  loglikelihood(theta: Float64Array): number;
}

export interface EllipticalState {
  readonly position: Float64Array;
  readonly loglikelihood: number;
  readonly target: EllipticalTarget;
}

export interface EllipticalInfo {
  /** The log-likelihood at the new position: the kernel never sees the prior's density, only its draws. */
  readonly lp: number;
  /** How many times the angle bracket shrank before a point on the slice was found. */
  readonly shrinkages: number;
  /** The last thing the target threw while the slice was searched, when it threw. */
  readonly error?: string;
}

/**
 * In floating point the bracket can close on the current point without reaching it exactly (μ + (f − μ)
 * need not be f), so the search gives up after this many shrinkages and stays: the bracket is then far
 * below the spacing of doubles, which a healthy likelihood never needs.
 */
const MAX_SHRINKAGES = 200;

/**
 * Elliptical slice sampling (Murray, Adams & MacKay 2010), Turing's `ESS`: a point on the ellipse through
 * the current position and a prior draw, found by shrinking an angle bracket. It always moves unless
 * the search gives up; a likelihood that is not finite or throws counts as off the slice.
 */
export const ellipticalSlice: Kernel<EllipticalTarget, EllipticalState, void, EllipticalInfo> = {
  init: (position, target) => {
    if (position.length !== target.dimension) throw new RangeError(`the position has ${position.length} coordinates, the target ${target.dimension}`);
    if (target.priorMean.length !== target.dimension) throw new RangeError(`the prior mean has ${target.priorMean.length} coordinates, the target ${target.dimension}`);
    return { position: position.slice(), loglikelihood: target.loglikelihood(position), target };
  },
  step: (rng, state) => {
    const { target, position } = state;
    const stay = (shrinkages: number, error: string | undefined) => ({
      state,
      info: { lp: state.loglikelihood, shrinkages, ...(error === undefined ? {} : { error }) },
    });
    const drawn = attempt(() => target.drawPriorDeviation(rng));
    if (!drawn.ok) return stay(0, drawn.error);
    const nu = drawn.value;
    if (nu.length !== target.dimension) throw new RangeError(`drawPriorDeviation returned ${nu.length} coordinates, the target has ${target.dimension}`);
    const mu = target.priorMean;
    const threshold = currentLog(state.loglikelihood) + Math.log(rng.uniform());
    let angle = 2 * Math.PI * rng.uniform();
    let lower = angle - 2 * Math.PI;
    let upper = angle;
    let error: string | undefined;
    for (let shrinkages = 0; shrinkages < MAX_SHRINKAGES; shrinkages++) {
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      const candidate = Float64Array.from(position, (f, i) => mu[i]! + (f - mu[i]!) * c + nu[i]! * s);
      const evaluated = attempt(() => target.loglikelihood(candidate));
      if (evaluated.ok && Number.isFinite(evaluated.value) && evaluated.value > threshold) {
        return { state: { position: candidate, loglikelihood: evaluated.value, target }, info: { lp: evaluated.value, shrinkages, ...(error === undefined ? {} : { error }) } };
      }
      if (!evaluated.ok) error = evaluated.error;
      if (angle < 0) lower = angle;
      else upper = angle;
      angle = lower + (upper - lower) * rng.uniform();
    }
    return stay(MAX_SHRINKAGES, error);
  },
};
