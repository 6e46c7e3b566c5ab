import { csvTable, type Chains } from '../../core/chains/index.js';
import { mean, median, sd } from '../../core/diagnostics/index.js';
import type { ExportFile, PosteriorPredictive, PredictiveTest, ReplicatedData, Replications } from '../api.js';
import { densities } from './density.js';

/** Posterior draws a predictive check replicates the data at: enough for its p-values, few enough to stay quick. */
export const PREDICTIVE_DRAWS = 400;
/** Replicates overlaid on the data's density, as bayesplot's ppc_dens_overlay draws them. */
export const OVERLAID_REPLICATES = 50;

/**
 * Up to `max` draws of the parameters, evenly spaced over every chain's draws in turn, as rows of values
 * under the parameters' element names (what the engine's predict takes), and where each row came from.
 */
export function predictiveDraws(chains: Chains, max = PREDICTIVE_DRAWS): { names: string[]; rows: number[][]; at: (readonly [chain: number, draw: number])[] } {
  const names = [...chains.parameters];
  const all = Array.from({ length: chains.nChains }, (_, c) => chains.nDraws(c)).flatMap((n, c) => Array.from({ length: n }, (_, i) => [c, i] as const));
  const kept = evenlySpaced(all.length, max).map((k) => all[k]!);
  const columns = Array.from({ length: chains.nChains }, (_, c) => names.map((name) => chains.draws(name, c)));
  return { names, rows: kept.map(([c, i]) => columns[c]!.map((column) => column[i]!)), at: kept };
}

/** `want` indices of 0 … n − 1 spread evenly, or all of them when there are no more. */
export function evenlySpaced(n: number, want: number): number[] {
  return Array.from({ length: Math.min(n, want) }, (_, k) => (n <= want ? k : Math.floor((k * n) / want)));
}

/** The replicates as CSV: the chain and draw (1-based) each was drawn at, then every replicated element. */
export function replicatesCsv(at: readonly (readonly [number, number])[], replications: Pick<Replications, 'variables'>): ExportFile {
  const header = ['chain', 'draw', ...replications.variables.flatMap((v) => v.elements)];
  const rows = at.map(([c, i], r) => [c + 1, i + 1, ...replications.variables.flatMap((v) => v.draws[r]!)]);
  return { name: 'posterior_predictive.csv', text: csvTable(header, rows) };
}

const STATISTICS: readonly [PredictiveTest['statistic'], (x: Float64Array) => number][] = [
  ['mean', mean],
  ['sd', sd],
  ['median', median],
  ['min', (x) => x.reduce((a, b) => Math.min(a, b), Infinity)],
  ['max', (x) => x.reduce((a, b) => Math.max(a, b), -Infinity)],
];

/**
 * A posterior predictive check of each replicated variable, over the elements the data observes: the
 * data's density under those of the first replicates (bayesplot's ppc_dens_overlay; integer data as
 * frequencies), and test statistics T with the posterior predictive p-value P(T(y_rep) ≥ T(y)) (ppc_stat).
 */
export function posteriorPredictive(replications: Pick<Replications, 'variables'>): PosteriorPredictive {
  return { variables: replications.variables.map(check) };
}

function check(variable: ReplicatedData): PosteriorPredictive['variables'][number] {
  const seen = variable.observed.flatMap((v, k) => (v === null ? [] : [k]));
  const observed = Float64Array.from(seen, (k) => variable.observed[k]!);
  const replicates = variable.draws.map((row) => Float64Array.from(seen, (k) => row[k]!));
  const base = { name: variable.name, elements: variable.elements.length, observedElements: seen.length, draws: variable.draws.length };
  if (seen.length === 0) return { ...base, overlay: null, tests: [] };
  const { x, chains, discrete } = densities([observed, ...replicates.slice(0, OVERLAID_REPLICATES)]);
  const tests = STATISTICS.map(([statistic, f]): PredictiveTest => {
    const t = f(observed);
    const replicated = replicates.map(f);
    return { statistic, observed: t, replicatedMean: mean(Float64Array.from(replicated)), p: replicated.filter((r) => r >= t).length / replicated.length };
  });
  return { ...base, overlay: { x, observed: chains[0]!, replicates: chains.slice(1), ...(discrete ? { discrete } : {}) }, tests };
}
