import type { DiagnosticWarning } from '../../../core/diagnostics/index';
import type { SummaryColumn, TableColumn } from './summary-columns';

/** Per parameter, the cells the engine's warnings point at and why: the thresholds stay core's. */
export type CellFlags = ReadonlyMap<string, ReadonlyMap<TableColumn, string>>;

const FLAGGED_COLUMNS: Partial<Record<DiagnosticWarning['kind'], SummaryColumn>> = { rhat: 'rhat', ess_bulk: 'ess_bulk', ess_tail: 'ess_tail' };

export function summaryFlags(warnings: readonly DiagnosticWarning[]): CellFlags {
  const flags = new Map<string, Map<SummaryColumn, string>>();
  for (const w of warnings) {
    const column = FLAGGED_COLUMNS[w.kind];
    if (!column || w.parameter === undefined) continue;
    const cells = flags.get(w.parameter) ?? new Map<SummaryColumn, string>();
    cells.set(column, w.message);
    flags.set(w.parameter, cells);
  }
  return flags;
}

/** The sampler's per-chain problems (divergences, E-BFMI, tree depth), by 0-based chain and kind. */
export function chainFlags(warnings: readonly DiagnosticWarning[]): ReadonlyMap<number, ReadonlyMap<DiagnosticWarning['kind'], string>> {
  const flags = new Map<number, Map<DiagnosticWarning['kind'], string>>();
  for (const w of warnings) {
    if (w.chain === undefined) continue;
    const kinds = flags.get(w.chain) ?? new Map<DiagnosticWarning['kind'], string>();
    kinds.set(w.kind, w.message);
    flags.set(w.chain, kinds);
  }
  return flags;
}
