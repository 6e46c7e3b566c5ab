import type { Rng } from '../../rng/index.js';
import { checkBlockIndices, conditionalTarget } from './conditional.js';
import type { DensityTarget, Kernel, KernelState, Transition } from './kernel.js';

/**
 * One block of a Gibbs sampler: its coordinates and one step of its kernel from a block position under
 * the block's conditional target. `block` builds one from a kernel, typed by the target the kernel needs.
 */
export interface GibbsBlock<T> {
  readonly indices: readonly number[];
  readonly update: (rng: Rng, position: Float64Array, conditional: T) => { readonly position: Float64Array; readonly info: unknown };
}

/**
 * The kernel is initialised afresh at every sweep: the other blocks have moved since its last step, so
 * whatever its state cached (the log density, a gradient) belongs to a conditional that no longer holds.
 * The parameters are asked for at every sweep too, given the conditional, since a kernel may take its
 * target there (the gradient kernels do); what should persist across sweeps (a step size, a metric)
 * is for `params` to close over.
 */
export function block<T, S extends KernelState, P, I>(indices: readonly number[], kernel: Kernel<T, S, P, I>, params: (conditional: T) => P): GibbsBlock<T & DensityTarget> {
  return {
    indices: [...indices],
    update: (rng, position, conditional) => {
      const { state, info } = kernel.step(rng, kernel.init(position, conditional), params(conditional));
      return { position: state.position, info };
    },
  };
}

export interface GibbsState<T extends DensityTarget> extends KernelState {
  readonly lp: number;
  readonly target: T;
}

export interface GibbsInfo {
  /** The full log density after the sweep. */
  readonly lp: number;
  /** Each block's step info, in block order. */
  readonly blocks: readonly unknown[];
}

/**
 * Turing's `Gibbs`: a sweep steps each block in order, each under the full log density with the other
 * coordinates at their current values. Blocks may overlap, but every coordinate must be in one.
 *
 * A block's kernel sees the conditional of a `T`, which has the members of `DensityTarget` and, when
 * the full target has `logdensityAndGradient`, the restricted gradient; nothing else of a richer `T`.
 * `block` types each block by what its kernel needs, so a gradient block asks for a gradient target.
 */
export function Gibbs<T extends DensityTarget>(blocks: readonly GibbsBlock<T>[]): Kernel<T, GibbsState<T>, void, GibbsInfo> {
  if (blocks.length === 0) throw new RangeError('Gibbs needs at least one block');
  return {
    init: (position, target) => {
      if (position.length !== target.dimension) throw new RangeError(`the position has ${position.length} coordinates, the target ${target.dimension}`);
      const covered = new Array<boolean>(target.dimension).fill(false);
      for (const b of blocks) {
        checkBlockIndices(b.indices, target.dimension);
        for (const i of b.indices) covered[i] = true;
      }
      const missing = covered.indexOf(false);
      if (missing >= 0) throw new RangeError(`coordinate ${missing} is in no Gibbs block, so it would never move`);
      return { position: position.slice(), lp: target.logdensity(position), target };
    },
    step: (rng, state): Transition<GibbsState<T>, GibbsInfo> => {
      const position = state.position.slice();
      const infos: unknown[] = [];
      for (const b of blocks) {
        // The conditional has T's members as Gibbs's documentation says; the type system cannot follow.
        const conditional = conditionalTarget(state.target, b.indices, position) as T;
        const moved = b.update(rng, Float64Array.from(b.indices, (i) => position[i]!), conditional);
        b.indices.forEach((i, k) => (position[i] = moved.position[k]!));
        infos.push(moved.info);
      }
      const lp = state.target.logdensity(position);
      return { state: { position, lp, target: state.target }, info: { lp, blocks: infos } };
    },
  };
}
