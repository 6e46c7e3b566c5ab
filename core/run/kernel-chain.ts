import type { Rng } from '../rng/index.js';
import type { Kernel, KernelState } from '../infer/gibbs/index.js';
import type { DrawsBlock } from '../infer/index.js';

export interface KernelRun {
  rng: Rng;
  init: Float64Array;
  warmup: number;
  draws: number;
  thin: number;
  /** Iterations between calls of `onBatch` (and kept draws per `onDraws` block). */
  batchSize: number;
  onBatch?: (phase: 'warmup' | 'sampling', done: number, divergences: number) => void;
  onDraws: (block: DrawsBlock) => void;
}

/**
 * Runs any init/step kernel (MH, Gibbs, prior draws): warm-up iterations are run and dropped, then
 * every `thin`-th draw is kept and handed on in blocks. Statistics are read off each step's info by
 * name; a missing one is NaN.
 */
export function runKernel<T, S extends KernelState, P, I>(kernel: Kernel<T, S, P, I>, target: T, params: P, statNames: readonly string[], run: KernelRun): void {
  const d = run.init.length;
  const w = statNames.length;
  let state = kernel.init(run.init, target);
  for (let i = 0; i < run.warmup; i++) {
    state = kernel.step(run.rng, state, params).state;
    if ((i + 1) % run.batchSize === 0 || i + 1 === run.warmup) run.onBatch?.('warmup', i + 1, 0);
  }
  const rows = Math.min(run.batchSize, run.draws);
  const draws = new Float64Array(rows * d);
  const stats = new Float64Array(rows * w);
  const iterations = run.draws === 0 ? 0 : (run.draws - 1) * run.thin + 1;
  let kept = 0;
  let row = 0;
  for (let i = 0; i < iterations; i++) {
    const { state: next, info } = kernel.step(run.rng, state, params);
    state = next;
    if (i % run.thin !== 0) continue;
    draws.set(state.position, row * d);
    statNames.forEach((name, j) => {
      const v = (info as Record<string, unknown>)[name];
      stats[row * w + j] = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : NaN;
    });
    kept++;
    row++;
    if (row === rows || kept === run.draws) {
      // Progress first, as for the gradient samplers: draws may be streamed at once.
      run.onBatch?.('sampling', kept, 0);
      run.onDraws({ count: row, draws: draws.slice(0, row * d), stats: stats.slice(0, row * w) });
      row = 0;
    }
  }
}
