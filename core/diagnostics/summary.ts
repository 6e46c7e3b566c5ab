import { csvTable, type Chains } from '../chains/index.js';
import { essBulkDetailed, essTail } from './ess.js';
import { mcseMean, mcseSd } from './mcse.js';
import { mean, sd } from './moments.js';
import { madSorted, quantileSorted } from './quantile.js';
import { rhat } from './rhat.js';
import { SharedDraws } from './shared-draws.js';
import { rNumber } from './r-number.js';
import { locationText } from './location-text.js';

/** The columns of MCMCChains' and posterior's summaries, under their names. */
export const SUMMARY_COLUMNS = [
  'parameter',
  'mean',
  'sd',
  'median',
  'mad',
  'q5',
  'q95',
  'mcse_mean',
  'mcse_sd',
  'ess_bulk',
  'ess_tail',
  'rhat',
  'ess_per_sec',
] as const;

export interface SummaryRow {
  readonly parameter: string;
  readonly mean: number;
  readonly sd: number;
  readonly median: number;
  readonly mad: number;
  readonly q5: number;
  readonly q95: number;
  readonly mcse_mean: number;
  readonly mcse_sd: number;
  readonly ess_bulk: number;
  readonly ess_tail: number;
  readonly rhat: number;
  readonly ess_per_sec: number;
  /**
   * The bulk ESS is posterior's cap S·log10(S), not an estimate: the draws are antithetic (negatively
   * autocorrelated, as NUTS often makes them), where posterior warns "The ESS has been capped…".
   */
  readonly bulkEssCapped: boolean;
  /** The quantiles asked for besides q5, q50 and q95, keyed as posterior names them (`q2.5`, `q97.5`). */
  readonly quantiles: Readonly<Record<string, number>>;
  /**
   * The locations (mean, median, q5, q95 and the further quantiles, by column) that four significant digits
   * would not show, as `locationText` writes them; the others are absent, for the reader's usual format.
   * Computed here so that the CLI and the workbench, which may not call core, print the same digits.
   */
  readonly locationText: Readonly<Record<string, string>>;
}

export interface SummaryTable {
  readonly rows: readonly SummaryRow[];
  /** Names of the extra quantile columns, in the order asked for. */
  readonly quantileColumns: readonly string[];
}

export interface SummaryOptions {
  /** Names or base names to summarise; the parameters and generated quantities by default. */
  readonly variables?: readonly string[];
  /** Further quantile probabilities, e.g. [0.025, 0.975]. */
  readonly probs?: readonly number[];
}

/** posterior's name of a quantile column, `paste0("q", probs * 100)`: q5, q2.5, q97.5, q1e-05. */
export function quantileColumn(p: number): string {
  return `q${rNumber(p * 100)}`;
}

/**
 * Compute time in seconds summed over chains (warm-up and sampling), MCMCChains' default for ESS per
 * second; NaN unless every chain has its timings.
 */
export function computeSeconds(chains: Chains): number {
  let total = 0;
  for (let c = 0; c < chains.nChains; c++) {
    const { warmupSeconds, samplingSeconds } = chains.info(c);
    if (warmupSeconds === undefined || samplingSeconds === undefined) return NaN;
    total += warmupSeconds + samplingSeconds;
  }
  return chains.nChains > 0 ? total : NaN;
}

/** One row per variable over the draws all chains have. A degenerate variable gets NaN cells, never an error. */
export function summarize(chains: Chains, options: SummaryOptions = {}): SummaryTable {
  const names = options.variables ? chains.resolve(options.variables) : chains.variables;
  const probs = options.probs ?? [];
  const seconds = computeSeconds(chains);
  const rows = names.map((parameter): SummaryRow => {
    const x = chains.matrix(parameter);
    const shared = new SharedDraws(x);
    const sorted = shared.sorted;
    const bulk = essBulkDetailed(shared);
    const quantiles = Object.fromEntries(probs.map((p) => [quantileColumn(p), quantileSorted(sorted, p)]));
    const row = {
      parameter,
      mean: mean(x.data),
      sd: sd(x.data),
      median: shared.median,
      mad: madSorted(sorted),
      q5: quantileSorted(sorted, 0.05),
      q95: quantileSorted(sorted, 0.95),
      mcse_mean: mcseMean(shared),
      mcse_sd: mcseSd(x),
      ess_bulk: bulk.ess,
      ess_tail: essTail(shared),
      rhat: rhat(shared),
      ess_per_sec: bulk.ess / seconds,
      bulkEssCapped: bulk.capped,
      quantiles,
    };
    return { ...row, locationText: locationTexts(row) };
  });
  return { rows, quantileColumns: probs.map(quantileColumn) };
}

/** The row's locations that four significant digits would not show, by column. */
function locationTexts(row: Omit<SummaryRow, 'locationText'>): Record<string, string> {
  const locations = { mean: row.mean, median: row.median, q5: row.q5, q95: row.q95, ...row.quantiles };
  return Object.fromEntries(
    Object.entries(locations).flatMap(([column, v]) => {
      const text = locationText(v, row.sd);
      return text === undefined ? [] : [[column, text]];
    }),
  );
}

/** The header of a summary table: the fixed columns, then the extra quantiles. */
export function summaryHeader(table: SummaryTable): string[] {
  return [...SUMMARY_COLUMNS, ...table.quantileColumns];
}

/** Each row's cells in `summaryHeader` order. */
export function summaryCells(table: SummaryTable): (string | number)[][] {
  return table.rows.map((row) => [
    ...SUMMARY_COLUMNS.map((column) => row[column]),
    ...table.quantileColumns.map((q) => row.quantiles[q] ?? NaN),
  ]);
}

/** The summary as CSV, numbers in their exact shortest form. */
export function summaryToCsv(table: SummaryTable): string {
  return csvTable(summaryHeader(table), summaryCells(table));
}
