import { drawsMatrix } from '../chains/index.js';
import { essBulk } from '../diagnostics/index.js';
import { gammaQ } from '../math/index.js';
import { Rng } from '../rng/index.js';

/**
 * Simulation-based calibration (Talts et al. 2018): when θ* comes from the prior, y* from the model
 * given θ*, and the sampler is right, the rank of θ* among L independent posterior draws given y* is
 * uniform on 0…L. These are the pieces every SBC test shares.
 */

/** The stream replication r simulates θ* and y* from, apart from the sampler's streams. */
export function replicationRng(seed: number, r: number): Rng {
  return Rng.seeded(seed).split(r);
}

/** How many draws lie below the true value: SBC's rank, 0…draws.length. */
export function sbcRank(draws: ArrayLike<number>, truth: number): number {
  let rank = 0;
  for (let i = 0; i < draws.length; i++) if (draws[i]! < truth) rank++;
  return rank;
}

export interface Thinned {
  draws: Float64Array;
  /** The spacing used. */
  step: number;
  /** The chain was too short for the spacing its ESS asked for, so the draws are closer than that. */
  short: boolean;
}

/**
 * The last `count` draws of one chain taken every k-th, k = ⌈n / bulk ESS⌉: autocorrelated draws
 * cluster, which makes ranks U-shaped even for a correct sampler. Antithetic chains (ESS > n) keep
 * every draw. A chain whose ESS asks for more than it has is thinned as far as it can be and flagged,
 * never dropped: dropping the slow replications would select on θ* and bias the ranks.
 */
export function thinByEss(chain: Float64Array, count: number): Thinned {
  const n = chain.length;
  if (count < 2 || count > n) throw new RangeError(`cannot take ${count} thinned draws from a chain of ${n}`);
  const ess = essBulk(drawsMatrix(chain, n, 1));
  const wanted = Number.isFinite(ess) && ess > 0 ? Math.max(1, Math.ceil(n / ess)) : Infinity;
  const most = Math.floor((n - 1) / (count - 1));
  const step = Math.min(wanted, most);
  return { draws: Float64Array.from({ length: count }, (_, j) => chain[n - 1 - (count - 1 - j) * step]!), step, short: wanted > most };
}

export interface RankUniformity {
  /** Replications per bin, lowest ranks first. */
  counts: number[];
  statistic: number;
  df: number;
  pValue: number;
}

/**
 * Pearson's chi-square of ranks 0…L against the discrete uniform, in `bins` bins of equal
 * probability (so L + 1 must be a multiple of `bins`); the p-value is the χ²(bins − 1) upper tail.
 */
export function rankUniformity(ranks: readonly number[], L: number, bins: number): RankUniformity {
  if ((L + 1) % bins !== 0) throw new RangeError(`${L + 1} possible ranks do not split into ${bins} equal bins`);
  const width = (L + 1) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const r of ranks) {
    if (!Number.isInteger(r) || r < 0 || r > L) throw new RangeError(`rank ${r} is outside 0…${L}`);
    counts[Math.floor(r / width)]!++;
  }
  const expected = ranks.length / bins;
  const statistic = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  const df = bins - 1;
  return { counts, statistic, df, pValue: gammaQ(df / 2, statistic / 2) };
}
