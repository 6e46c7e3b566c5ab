import type { SUMMARY_COLUMNS } from '../../../core/diagnostics/index';
import type { SummaryRow } from '../../../core/diagnostics/index';
import { formatCount, formatNumber, formatRhat } from './number-format';

export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

/** A further quantile's column, named as posterior names it (`q2.5`), from the row's `quantiles`. */
export type QuantileColumn = `q${string}`;

/** Any column the summary table can show. */
export type TableColumn = SummaryColumn | QuantileColumn;

/**
 * Core's summary columns in the order the table shows them: first what a user judges a posterior and
 * its convergence by, so that these fit a narrow panel without scrolling, then the rest. The export
 * keeps core's order.
 */
export const SUMMARY_COLUMN_ORDER = everyColumn([
  'parameter',
  'mean',
  'sd',
  'q5',
  'q95',
  'ess_bulk',
  'ess_tail',
  'rhat',
  'median',
  'mad',
  'mcse_mean',
  'mcse_sd',
  'ess_per_sec',
]);

/** The columns as given; the build fails (naming what is missing) when core has a column they leave out. */
function everyColumn<const T extends readonly SummaryColumn[]>(columns: T & ([Exclude<SummaryColumn, T[number]>] extends [never] ? unknown : { missing: Exclude<SummaryColumn, T[number]> })): T {
  return columns;
}

/** The sampler statistics' table: location and spread only (their ESS and R-hat judge nothing). */
export const STATS_COLUMNS: readonly SummaryColumn[] = ['parameter', 'mean', 'sd', 'median', 'q5', 'q95'];

export const COLUMN_LABELS: Record<SummaryColumn, { label: string; title: string }> = {
  parameter: { label: 'Parameter', title: 'Parameter' },
  mean: { label: 'Mean', title: 'Posterior mean' },
  sd: { label: 'SD', title: 'Posterior standard deviation' },
  median: { label: 'Median', title: 'Posterior median' },
  mad: { label: 'MAD', title: 'Median absolute deviation (scaled as an SD)' },
  q5: { label: '5%', title: '5% quantile' },
  q95: { label: '95%', title: '95% quantile' },
  mcse_mean: { label: 'MCSE mean', title: 'Monte Carlo standard error of the mean' },
  mcse_sd: { label: 'MCSE SD', title: 'Monte Carlo standard error of the SD' },
  ess_bulk: { label: 'ESS bulk', title: 'Bulk effective sample size' },
  ess_tail: { label: 'ESS tail', title: 'Tail effective sample size' },
  rhat: { label: 'R̂', title: 'Rank-normalised split R-hat' },
  ess_per_sec: { label: 'ESS/s', title: 'Bulk ESS per second of compute: warm-up and sampling, summed over chains (MCMCChains’ ess_per_sec)' },
};

function isSummaryColumn(column: TableColumn): column is SummaryColumn {
  return Object.hasOwn(COLUMN_LABELS, column);
}

/** A further quantile's percentage, from posterior's name of it: `q2.5` is 2.5. */
function percentOf(column: QuantileColumn): number {
  return Number(column.slice(1));
}

export function columnLabel(column: TableColumn): { label: string; title: string } {
  return isSummaryColumn(column) ? COLUMN_LABELS[column] : { label: `${percentOf(column)}%`, title: `${percentOf(column)}% quantile` };
}

/** The number a cell shows (NaN for the parameter's name). */
export function cellValue(column: TableColumn, row: SummaryRow): number {
  if (column === 'parameter') return NaN;
  return isSummaryColumn(column) ? row[column] : (row.quantiles[column] ?? NaN);
}

/** The further quantiles' columns the rows have, as posterior names them (`q2.5`). */
export function quantileColumns(rows: readonly SummaryRow[]): QuantileColumn[] {
  return Object.keys(rows[0]?.quantiles ?? {}) as QuantileColumn[];
}

/** `order` with the further quantiles placed by probability around its 5 % and 95 % columns. */
export function withQuantiles(order: readonly SummaryColumn[], further: readonly QuantileColumn[]): TableColumn[] {
  if (further.length === 0) return [...order];
  const below = further.filter((q) => percentOf(q) < 5);
  const between = further.filter((q) => percentOf(q) > 5 && percentOf(q) < 95);
  const above = further.filter((q) => percentOf(q) > 95);
  return order.flatMap((column): TableColumn[] => (column === 'q5' ? [...below, 'q5', ...between] : column === 'q95' ? ['q95', ...above] : [column]));
}

export function formatSummaryCell(column: TableColumn, row: SummaryRow): string {
  if (column === 'parameter') return row.parameter;
  if (!isSummaryColumn(column)) return row.locationText[column] ?? formatNumber(cellValue(column, row));
  const x = row[column];
  if (column === 'ess_bulk' || column === 'ess_tail') return formatCount(x);
  if (column === 'rhat') return formatRhat(x);
  // A location far from 0 (1e8 + N(0, 1e-4)) in the digits its sd varies in, as the engine writes it for the CLI too.
  return row.locationText[column] ?? formatNumber(x);
}
