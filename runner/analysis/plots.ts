import type { Chains } from '../../core/chains/index.js';
import { autocorrelation, hpd, mean } from '../../core/diagnostics/index.js';
import type { HighestDensityInterval, PlotStatistics } from '../api.js';
import { densities } from './density.js';
import { energyHistograms, RANK_BINS, rankHistograms } from './histograms.js';
import { intervals } from './intervals.js';

const MAX_LAG = 100;
/** ArviZ's default `hdi_prob`: not 95 %, so that it is not read as a test at the 5 % level. */
const HDI_PROB = 0.94;

/** The pooled draws' 94 % HDI and mean, when every draw is finite (a NaN or ∞ draw has no interval). */
function highestDensity(chains: readonly Float64Array[]): { hdi?: HighestDensityInterval } {
  const pooled = new Float64Array(chains.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of chains) {
    pooled.set(d, at);
    at += d.length;
  }
  if (pooled.length === 0 || !pooled.every(Number.isFinite)) return {};
  const [lower, upper] = hpd(pooled, HDI_PROB);
  return { hdi: { prob: HDI_PROB, lower, upper, mean: mean(pooled) } };
}
const ENERGY = 'hamiltonian_energy';

/**
 * The statistics behind one parameter's plots, over every draw each chain has (never thinned for
 * drawing): densities, autocorrelations, rank histograms, the sampler's energy when it reports one, and the
 * central intervals of the parameter's family.
 */
export function plotStatistics(chains: Chains, parameter: string): PlotStatistics {
  if (!chains.has(parameter)) throw new Error(`the run has no parameter named '${parameter}' (it has ${chains.variables.join(', ')})`);
  const perChain = Array.from({ length: chains.nChains }, (_, c) => chains.draws(parameter, c));
  const withDraws = perChain.filter((d) => d.length > 0);
  const shared = withDraws.length ? Math.min(...withDraws.map((d) => d.length)) : 0;
  const counted = rankHistograms(withDraws, shared);
  const energy = chains.stats.includes(ENERGY) ? Array.from({ length: chains.nChains }, (_, c) => chains.draws(ENERGY, c)) : undefined;
  return {
    parameter,
    draws: perChain.map((d) => d.length),
    density: { ...densities(perChain), ...highestDensity(withDraws) },
    autocorrelation: perChain.map((d) => Array.from(autocorrelation(d).subarray(0, Math.min(MAX_LAG, d.length - 1) + 1))),
    ranks: { bins: RANK_BINS, chains: perChain.map((d) => (d.length > 0 ? counted.shift()! : new Array<number>(RANK_BINS).fill(0))) },
    energy: energy && energy.some((e) => e.length > 0) ? energyHistograms(energy) : null,
    intervals: intervals(chains, parameter),
  };
}
