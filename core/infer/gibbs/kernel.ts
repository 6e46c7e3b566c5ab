import type { GradientResult } from '../../ad/index.js';
import type { Rng } from '../../rng/index.js';

/**
 * The contract every kernel of core/infer shares, BlackJAX's shape: `init` builds a state from a position
 * and a target, `step` is a pure function of an explicit generator, a state and fixed parameters. A
 * rejected proposal or a failing evaluation is reported in the info, never thrown.
 *
 * `step` receives no target, so a state or the parameters carry what it needs of it (our kernels keep
 * the target in the state; the gradient kernels take it in their parameters).
 * The members are function-typed properties rather than methods so that a kernel needing more of its
 * target (a gradient) is refused where only a log density is on offer.
 */
export interface Kernel<T, S extends KernelState, P, I> {
  readonly init: (position: Float64Array, target: T) => S;
  readonly step: (rng: Rng, state: S, params: P) => Transition<S, I>;
}

/** What Gibbs reads back from any kernel's state: the position it moved to. */
export interface KernelState {
  readonly position: Float64Array;
}

export interface Transition<S, I> {
  readonly state: S;
  readonly info: I;
}

/**
 * A log density on the unconstrained space. Coordinates flagged `discrete` take integer values only;
 * kernels that cannot move them (gradient-based ones) must not be given them.
 */
export interface DensityTarget {
  readonly dimension: number;
  logdensity(theta: Float64Array): number;
  readonly discrete?: readonly boolean[];
  /** A Gibbs block's conditional: the full position with the block's coordinates at `x`. */
  readonly embed?: (x: Float64Array) => Float64Array;
}

/**
 * A log density with its gradient, named as the gradient kernels' `Target` in core/infer names it, so
 * that a conditional target is one of theirs as it stands.
 */
export interface GradientTarget extends DensityTarget {
  logdensityAndGradient(theta: Float64Array): GradientResult;
}
