import type { Rng } from '../rng/index.js';
import type { Kernel, KernelState } from '../infer/gibbs/index.js';
import type { DrawsBlock } from '../infer/index.js';

export interface KernelRun {
  rng: Rng;
  init: Float64Array;
  warmup: number;
  draws: number;
  thin: number;
  onBatch?: (phase: 'warmup' | 'sampling', done: number, divergences: number) => void;
}

const BATCH = 100;

/**
 * Runs any init/step kernel (MH, Gibbs, prior draws): warm-up iterations are run and dropped, then
 * every `thin`-th draw is kept. Statistics are read off each step's info by name; a missing one is NaN.
 */
export function runKernel<T, S extends KernelState, P, I>(kernel: Kernel<T, S, P, I>, target: T, params: P, statNames: readonly string[], run: KernelRun): DrawsBlock {
  const d = run.init.length;
  let state = kernel.init(run.init, target);
  for (let i = 0; i < run.warmup; i++) {
    state = kernel.step(run.rng, state, params).state;
    if ((i + 1) % BATCH === 0 || i + 1 === run.warmup) run.onBatch?.('warmup', i + 1, 0);
  }
  const draws = new Float64Array(run.draws * d);
  const stats = new Float64Array(run.draws * statNames.length);
  const iterations = run.draws === 0 ? 0 : (run.draws - 1) * run.thin + 1;
  let kept = 0;
  for (let i = 0; i < iterations; i++) {
    const { state: next, info } = kernel.step(run.rng, state, params);
    state = next;
    if (i % run.thin !== 0) continue;
    draws.set(state.position, kept * d);
    statNames.forEach((name, j) => {
      const v = (info as Record<string, unknown>)[name];
      stats[kept * statNames.length + j] = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : NaN;
    });
    kept++;
    if (kept % BATCH === 0 || kept === run.draws) run.onBatch?.('sampling', kept, 0);
  }
  return { count: kept, draws, stats };
}
