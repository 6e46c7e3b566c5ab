import { ebfmi, mean as meanOf, ranks } from '../../core/diagnostics/index.js';
import type { EnergyStatistics, Histogram } from '../api.js';

export const RANK_BINS = 20;
/** Enough to show the shape of the energy distributions at a few thousand draws, few enough to stay smooth at a few hundred. */
export const ENERGY_BINS = 30;

/**
 * Rank histograms: the first `draws` of every chain pooled and ranked together (ties share their
 * average rank), then each chain's ranks counted in `RANK_BINS` equal bins of 1 … S. Chains that mix
 * well have flat histograms.
 */
export function rankHistograms(chains: readonly Float64Array[], draws: number): number[][] {
  const pooled = new Float64Array(draws * chains.length);
  chains.forEach((c, k) => pooled.set(c.subarray(0, draws), k * draws));
  const r = ranks(pooled);
  const total = pooled.length;
  return chains.map((_, k) => {
    const counts = new Array<number>(RANK_BINS).fill(0);
    for (let i = k * draws; i < (k + 1) * draws; i++) {
      if (Number.isNaN(r[i]!)) continue;
      counts[Math.min(RANK_BINS - 1, Math.floor(((r[i]! - 1) / total) * RANK_BINS))]!++;
    }
    return counts;
  });
}

/** Histograms of several samples on one set of equal-width edges over all of them. */
export function sharedHistograms(samples: readonly number[][], bins: number): Histogram[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of samples.flat()) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo > hi) return samples.map(() => ({ edges: [], counts: [] }));
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const width = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  return samples.map((s) => {
    const counts = new Array<number>(bins).fill(0);
    for (const v of s) if (Number.isFinite(v)) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]!++;
    return { edges, counts };
  });
}

/**
 * The energy plot's two distributions (Betancourt 2016): the marginal energy, centred on its mean
 * over all draws, and the energy transitions E[t] − E[t−1] within each chain. A transition
 * distribution much narrower than the marginal one means the sampler explores the energy poorly; the
 * E-BFMI of each chain with draws puts a number on it.
 */
export function energyHistograms(energy: readonly Float64Array[]): EnergyStatistics {
  const mean = meanOf(energy.flatMap((e) => Array.from(e)));
  const marginal = energy.flatMap((e) => Array.from(e, (v) => v - mean));
  const transition = energy.flatMap((e) => Array.from(e.subarray(1), (v, t) => v - e[t]!));
  const [m, t] = sharedHistograms([marginal, transition], ENERGY_BINS) as [Histogram, Histogram];
  return { marginal: m, transition: t, ebfmi: energy.filter((e) => e.length > 0).map(ebfmi) };
}
