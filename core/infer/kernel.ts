import type { Rng } from '../rng/index.js';
import { evaluate, type Target } from './target.js';

/** A chain's state between transitions: where it is, with the log density and gradient already paid for. */
export interface HmcState {
  readonly position: Float64Array;
  readonly logdensity: number;
  /** ∇ log density at `position`. */
  readonly gradient: Float64Array;
}

export interface Transition<I> {
  readonly state: HmcState;
  readonly info: I;
}

/**
 * A sampler as an init/step pair over explicit state (BlackJAX's shape). `step` leaves its input state
 * untouched and returns a new one; the kernel object only holds scratch buffers reused across steps.
 */
export interface Kernel<P, I> {
  /** The statistics of `I`, in the order a chain stores them. */
  readonly statNames: readonly (keyof I & string)[];
  init(position: Float64Array, target: Target): HmcState;
  step(rng: Rng, state: HmcState, params: P): Transition<I>;
}

/** The state at θ; throws when θ itself is unusable, since a chain cannot start there. */
export function initState(position: Float64Array, target: Target): HmcState {
  if (position.length !== target.dimension) {
    throw new RangeError(`the initial point has ${position.length} coordinates, the target ${target.dimension}`);
  }
  const gradient = new Float64Array(position.length);
  const logdensity = evaluate(target, position, gradient);
  if (logdensity === -Infinity) {
    throw new RangeError('the log density or its gradient is not finite at the initial point (or the target threw there)');
  }
  return { position: Float64Array.from(position), logdensity, gradient };
}
