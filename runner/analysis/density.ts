import { quantiles, sd } from '../../core/diagnostics/index.js';
import type { PlotStatistics } from '../api.js';

export const DENSITY_POINTS = 128;

/**
 * Silverman's rule of thumb, 0.9 · min(sd, IQR / 1.34) · n^(−1/5), with the nonzero of the two when
 * one is zero (a discrete parameter's IQR often is). Constant draws get a narrow kernel of their
 * own scale so that they show as a spike rather than nothing.
 */
export function bandwidth(x: ArrayLike<number>): number {
  const [q1, q3] = quantiles(x, [0.25, 0.75]) as [number, number];
  const spreads = [sd(x), (q3 - q1) / 1.34].filter((s) => s > 0);
  if (spreads.length === 0) return 1e-3 * Math.max(1, Math.abs(x[0] ?? 0));
  return 0.9 * Math.min(...spreads) * x.length ** -0.2;
}

/** Integer draws spanning more values than this are smoothed like real ones. */
const MAX_MASS_POINTS = 500;

/**
 * A Gaussian kernel density per chain, each with its own bandwidth, on one grid of 128 points that
 * spans every chain's draws and three of the widest bandwidths either side. Draws that are all integers
 * (a discrete parameter) get each chain's relative frequency of every value instead, as ArviZ plots
 * integer parameters: a kernel density would invent mass between the values. A chain without draws
 * gets [].
 */
export function densities(chains: readonly Float64Array[]): PlotStatistics['density'] {
  const finite = chains.map((draws) => draws.filter((v) => Number.isFinite(v)));
  const widths = finite.map((draws) => (draws.length > 0 ? bandwidth(draws) : 0));
  let lo = Infinity;
  let hi = -Infinity;
  for (const draws of finite) {
    for (const v of draws) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (lo > hi) return { x: [], chains: chains.map(() => []) };
  if (hi - lo < MAX_MASS_POINTS && finite.every((draws) => draws.every(Number.isInteger))) return massFunctions(finite, lo, hi);
  const margin = 3 * Math.max(...widths);
  const step = (hi - lo + 2 * margin) / (DENSITY_POINTS - 1);
  const x = Array.from({ length: DENSITY_POINTS }, (_, i) => lo - margin + i * step);
  return {
    x,
    chains: finite.map((draws, c) => {
      if (draws.length === 0) return [];
      const h = widths[c]!;
      const norm = 1 / (draws.length * h * Math.sqrt(2 * Math.PI));
      return x.map((at) => {
        let total = 0;
        for (const v of draws) total += Math.exp(-0.5 * ((at - v) / h) ** 2);
        return total * norm;
      });
    }),
  };
}

/** Each chain's relative frequency of every integer from `lo` to `hi`. */
function massFunctions(chains: readonly Float64Array[], lo: number, hi: number): PlotStatistics['density'] {
  const x = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  return {
    x,
    discrete: true,
    chains: chains.map((draws) => {
      if (draws.length === 0) return [];
      const counts = new Array<number>(x.length).fill(0);
      for (const v of draws) counts[v - lo]!++;
      return counts.map((k) => k / draws.length);
    }),
  };
}
