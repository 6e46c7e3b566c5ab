import type { ChainInfo } from './info.js';

/**
 * Variable names: Turing's (`β[1]`, `Σ[1, 2]`, column-major, 1-based) inside Tilde, Stan's (`β.1`, `Σ.1.2`)
 * in the Stan CSV layout, and the sampler statistics under each tool's names.
 */

/** The name without its trailing index: `β[1]` → `β`, `Σ[1, 2]` → `Σ`, `m` → `m`. */
export function baseName(name: string): string {
  const open = name.indexOf('[');
  return open > 0 && name.endsWith(']') ? name.slice(0, open) : name;
}

/** Whether `query` names this variable, exactly or as its base name (`β` matches `β[1]`, `β[2]` …). */
export function nameMatches(name: string, query: string): boolean {
  return name === query || baseName(name) === query;
}

/** Turing's name in Stan's spelling: `Σ[1, 2]` → `Σ.1.2`, `x[1][2]` → `x.1.2`. */
export function toStanName(name: string): string {
  return name.replace(/\[([^\]]*)\]/g, (_, inner: string) => '.' + inner.split(',').map((s) => s.trim()).join('.'));
}

const STAN_INDEXED = /^(.+?)((?:\.\d+)+)$/;

/** Stan's name in Turing's spelling: `Σ.1.2` → `Σ[1, 2]`; a name whose dotted suffix is not all integers stays. */
export function fromStanName(name: string): string {
  const m = STAN_INDEXED.exec(name);
  if (!m) return name;
  return `${m[1]}[${m[2]!.slice(1).split('.').join(', ')}]`;
}

/** Turing's NUTS statistics under the names CmdStan writes; others get Stan's `__` suffix. */
const STAN_STAT_NAMES: Readonly<Record<string, string>> = {
  lp: 'lp__',
  acceptance_rate: 'accept_stat__',
  step_size: 'stepsize__',
  tree_depth: 'treedepth__',
  n_steps: 'n_leapfrog__',
  is_divergent: 'divergent__',
  hamiltonian_energy: 'energy__',
};

const TURING_STAT_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(STAN_STAT_NAMES).map(([turing, stan]) => [stan, turing]),
);

/** The order CmdStan writes its sampler columns in, which Stan's readers expect. */
export const STAN_STAT_ORDER: readonly string[] = Object.keys(STAN_STAT_NAMES);

export function toStanStat(name: string): string {
  return STAN_STAT_NAMES[name] ?? `${name}__`;
}

/** A Stan sampler column (`…__`) under Turing's name, or undefined when the column is no statistic. */
export function fromStanStat(name: string): string | undefined {
  if (!name.endsWith('__')) return undefined;
  return TURING_STAT_NAMES[name] ?? name.slice(0, -2);
}

type MetricKind = NonNullable<ChainInfo['metric']>;

/** Stan's names of the HMC metrics (`metric = diag_e` in a CmdStan CSV's header). */
const STAN_METRICS: Readonly<Record<MetricKind, string>> = { unit: 'unit_e', diagonal: 'diag_e', dense: 'dense_e' };

const METRIC_KINDS: ReadonlyMap<string, MetricKind> = new Map((Object.keys(STAN_METRICS) as MetricKind[]).map((kind) => [STAN_METRICS[kind], kind]));

export function toStanMetric(metric: MetricKind): string {
  return STAN_METRICS[metric];
}

/** The metric a CmdStan header names, or undefined for a value that is none. */
export function fromStanMetric(name: string): MetricKind | undefined {
  return METRIC_KINDS.get(name);
}

/**
 * Names Turing's samplers give their statistics (AdvancedHMC's NUTS and the ones MCMCChains files under
 * "internals"), recognised as statistics in a wide CSV, which has no other way to tell them apart.
 */
export const TURING_STATS: ReadonlySet<string> = new Set([
  'lp',
  'logprior',
  'loglikelihood',
  'acceptance_rate',
  'step_size',
  'nom_step_size',
  'tree_depth',
  'n_steps',
  'is_accept',
  'is_divergent',
  'numerical_error',
  'log_density',
  'hamiltonian_energy',
  'hamiltonian_energy_error',
  'max_hamiltonian_energy_error',
]);
