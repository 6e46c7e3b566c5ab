import type { Chains } from '../../core/chains/index.js';
import { autocorrelation } from '../../core/diagnostics/index.js';
import type { PlotStatistics } from '../api.js';
import { densities } from './density.js';
import { energyHistograms, RANK_BINS, rankHistograms } from './histograms.js';
import { intervals } from './intervals.js';

const MAX_LAG = 100;
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
    density: densities(perChain),
    autocorrelation: perChain.map((d) => Array.from(autocorrelation(d).subarray(0, Math.min(MAX_LAG, d.length - 1) + 1))),
    ranks: { bins: RANK_BINS, chains: perChain.map((d) => (d.length > 0 ? counted.shift()! : new Array<number>(RANK_BINS).fill(0))) },
    energy: energy && energy.some((e) => e.length > 0) ? energyHistograms(energy) : null,
    intervals: intervals(chains, parameter),
  };
}
