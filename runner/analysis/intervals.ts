import { baseName, type Chains } from '../../core/chains/index.js';
import { quantiles } from '../../core/diagnostics/index.js';
import type { PlotStatistics } from '../api.js';

/** bayesplot's `mcmc_intervals` defaults: the median, a 50 % and a 90 % central interval. */
export const INTERVAL_PROBABILITIES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/** Rows one chart can label legibly; a longer family shows the window around the selected element. */
export const MAX_INTERVAL_ROWS = 24;

/**
 * The variables drawn beside `parameter` in an intervals (forest) plot: the elements of its vector or
 * matrix (`θ[3]` → every `θ[…]`, as ArviZ's plot_forest and bayesplot draw a hierarchical model's
 * effects), or for a scalar every scalar the run reports (`mcmc_intervals(fit)`'s default); a sampler
 * statistic stands alone.
 */
function family(chains: Chains, parameter: string): readonly string[] {
  if (chains.kind(parameter) === 'stat') return [parameter];
  const base = baseName(parameter);
  const elements = chains.variables.filter((v) => baseName(v) === base);
  return elements.length > 1 ? elements : chains.variables.filter((v) => baseName(v) === v);
}

/** The window of `MAX_INTERVAL_ROWS` that holds the selected element, as near its middle as the ends allow. */
function windowAround(names: readonly string[], selected: string): { first: number; names: readonly string[] } {
  if (names.length <= MAX_INTERVAL_ROWS) return { first: 0, names };
  const at = Math.max(0, names.indexOf(selected));
  const first = Math.min(Math.max(0, at - Math.floor(MAX_INTERVAL_ROWS / 2)), names.length - MAX_INTERVAL_ROWS);
  return { first, names: names.slice(first, first + MAX_INTERVAL_ROWS) };
}

/** Type-7 quantiles of each variable's draws, all chains pooled, as posterior's `quantile2` gives them. */
export function intervals(chains: Chains, parameter: string): PlotStatistics['intervals'] {
  const all = family(chains, parameter);
  const { first, names } = windowAround(all, parameter);
  const rows = names.map((name) => {
    const pooled: number[] = [];
    for (let c = 0; c < chains.nChains; c++) for (const x of chains.draws(name, c)) pooled.push(x);
    return { name, quantiles: quantiles(pooled, INTERVAL_PROBABILITIES) };
  });
  return { probabilities: [...INTERVAL_PROBABILITIES], rows, first, total: all.length };
}
