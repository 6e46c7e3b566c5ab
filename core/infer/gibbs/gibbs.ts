import type { Rng } from '../../rng/index.js';
import { dualAveragingFinal, dualAveragingStart, dualAveragingUpdate, type DualAveragingSettings, type DualAveragingState } from '../dual-averaging.js';
import { checkBlockIndices, conditionalTarget } from './conditional.js';
import type { DensityTarget, Kernel, KernelState, Transition } from './kernel.js';

/**
 * One block of a Gibbs sampler: its coordinates and one step of its kernel from a block position under
 * the block's conditional target. What a block carries from sweep to sweep (an adapting step size) is
 * its `memory`, kept in the Gibbs state, so a sweep stays a pure function of the state. `block` and
 * `adaptiveStepBlock` build one from a kernel, typed by the target the kernel needs.
 */
export interface GibbsBlock<T> {
  readonly indices: readonly number[];
  readonly memory?: unknown;
  readonly update: (rng: Rng, position: Float64Array, conditional: T, memory: unknown) => { readonly position: Float64Array; readonly info: unknown; readonly memory?: unknown };
}

/**
 * The kernel is initialised afresh at every sweep: the other blocks have moved since its last step, so
 * whatever its state cached (the log density, a gradient) belongs to a conditional that no longer holds.
 * The parameters are asked for at every sweep too, given the conditional, since a kernel may take its
 * target there (the gradient kernels do).
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

interface StepSizeMemory {
  readonly sweeps: number;
  readonly averaging: DualAveragingState;
  readonly stepSize: number;
}

/**
 * A gradient block whose step size adapts by dual averaging on its kernel's acceptance statistic during
 * the first `warmup` sweeps, as NUTS and HMC inside Turing's Gibbs adapt theirs, and then keeps the
 * averaged step size. The other blocks move the conditional under it, so a step size found at the
 * starting point alone can leave the block stuck once they have moved.
 */
export function adaptiveStepBlock<T, S extends KernelState, P, I extends { readonly acceptance_rate: number }>(
  indices: readonly number[],
  kernel: Kernel<T, S, P, I>,
  params: (conditional: T, stepSize: number) => P,
  settings: { readonly stepSize: number; readonly warmup: number } & DualAveragingSettings,
): GibbsBlock<T & DensityTarget> {
  const start: StepSizeMemory = { sweeps: 0, averaging: dualAveragingStart(settings.stepSize), stepSize: settings.stepSize };
  return {
    indices: [...indices],
    memory: start,
    update: (rng, position, conditional, memory) => {
      const { sweeps, averaging, stepSize } = memory as StepSizeMemory;
      const { state, info } = kernel.step(rng, kernel.init(position, conditional), params(conditional, stepSize));
      if (sweeps >= settings.warmup) return { position: state.position, info, memory };
      const next = dualAveragingUpdate(averaging, info.acceptance_rate, settings);
      const adapted = sweeps + 1 === settings.warmup ? dualAveragingFinal(next) : next.stepSize;
      return { position: state.position, info, memory: { sweeps: sweeps + 1, averaging: next, stepSize: adapted } };
    },
  };
}

export interface GibbsState<T extends DensityTarget> extends KernelState {
  readonly lp: number;
  readonly target: T;
  /** Each block's memory, in block order. */
  readonly memories: readonly unknown[];
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
      return { position: position.slice(), lp: target.logdensity(position), target, memories: blocks.map((b) => b.memory) };
    },
    step: (rng, state): Transition<GibbsState<T>, GibbsInfo> => {
      const position = state.position.slice();
      const infos: unknown[] = [];
      const memories: unknown[] = [];
      blocks.forEach((b, k) => {
        // The conditional has T's members as Gibbs's documentation says; the type system cannot follow.
        const conditional = conditionalTarget(state.target, b.indices, position) as T;
        const moved = b.update(rng, Float64Array.from(b.indices, (i) => position[i]!), conditional, state.memories[k]);
        b.indices.forEach((i, j) => (position[i] = moved.position[j]!));
        infos.push(moved.info);
        memories.push(moved.memory);
      });
      const lp = state.target.logdensity(position);
      return { state: { position, lp, target: state.target, memories }, info: { lp, blocks: infos } };
    },
  };
}
