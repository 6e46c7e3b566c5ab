import { expect } from 'vitest';
import { matrixFromChains, type DrawsMatrix } from '../../chains/index.js';
import { mcseMean } from '../../diagnostics/index.js';
import { Rng } from '../../rng/index.js';
import type { Kernel, KernelState } from './index.js';

export interface Run<I> {
  /** One draws × chains matrix per coordinate. */
  readonly coordinates: DrawsMatrix[];
  readonly infos: I[];
}

/** `chains` chains of `draws` kept steps after `warmup`, chain c drawing from `Rng.seeded(seed).split(c)`. */
export function run<T, S extends KernelState, P, I>(
  kernel: Kernel<T, S, P, I>,
  target: T,
  params: P,
  start: Float64Array,
  options: { seed: number; chains: number; draws: number; warmup: number },
): Run<I> {
  const { chains, draws, warmup } = options;
  const d = start.length;
  const perChain = Array.from({ length: d }, () => Array.from({ length: chains }, () => new Float64Array(draws)));
  const infos: I[] = [];
  for (let c = 0; c < chains; c++) {
    const rng = Rng.seeded(options.seed).split(c);
    let state = kernel.init(start, target);
    for (let t = 0; t < warmup + draws; t++) {
      const next = kernel.step(rng, state, params);
      state = next.state;
      if (t < warmup) continue;
      infos.push(next.info);
      for (let i = 0; i < d; i++) perChain[i]![c]![t - warmup] = state.position[i]!;
    }
  }
  return { coordinates: perChain.map((cs) => matrixFromChains(cs)), infos };
}

export function mapDraws(m: DrawsMatrix, f: (x: number) => number): DrawsMatrix {
  return { ...m, data: m.data.map(f) };
}

/** The draws' mean within `k` Monte Carlo standard errors (estimated from the same draws) of `expected`. */
export function expectMean(m: DrawsMatrix, expected: number, label: string, k = 4): void {
  let sum = 0;
  for (const x of m.data) sum += x;
  const mean = sum / m.data.length;
  const mcse = mcseMean(m);
  expect(Number.isFinite(mcse), `${label}: MCSE ${mcse}`).toBe(true);
  expect(Math.abs(mean - expected), `${label}: mean ${mean} vs ${expected} (MCSE ${mcse})`).toBeLessThanOrEqual(k * mcse);
}

/** Mean and variance (about the known mean) within Monte Carlo error of a known distribution's. */
export function expectMoments(m: DrawsMatrix, mean: number, variance: number, label: string): void {
  expectMean(m, mean, `${label} mean`);
  expectMean(mapDraws(m, (x) => (x - mean) ** 2), variance, `${label} variance`);
}
