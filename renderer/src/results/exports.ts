import { create } from 'zustand';
import type { ExportKind } from '../../../runner/api';
import { useRunStore } from '../run/index';
import { tilde } from '../tilde';
import { exportRun, type ExportOutcome } from './export-run';

interface ExportState {
  busy: boolean;
  outcome: ExportOutcome | null;
}

/** The last export's outcome, shown beside the export buttons whether a button or the menu asked. */
export const useExportStore = create<ExportState>()(() => ({ busy: false, outcome: null }));

async function exportCurrent(kind: ExportKind): Promise<void> {
  useExportStore.setState({ busy: true, outcome: null });
  const { runId, summaryProbs } = useRunStore.getState();
  const outcome = await exportRun(tilde(), runId, kind, summaryProbs);
  useExportStore.setState({ busy: false, outcome });
}

/** The current run's draws as CSV: `wide` (one file, a chain column) or `stan` (one CmdStan file per chain). */
export function exportDraws(layout: 'wide' | 'stan'): Promise<void> {
  return exportCurrent(layout === 'wide' ? 'draws-wide' : 'draws-stan');
}

export function exportSummary(): Promise<void> {
  return exportCurrent('summary');
}

/** The last posterior predictive check's replicates: the chain and draw of each, then the replicated elements. */
export function exportReplicates(): Promise<void> {
  return exportCurrent('predictive');
}

/** The last leave-one-out's values per observation, the columns of `tilde loo --pointwise`. */
export function exportLooPointwise(): Promise<void> {
  return exportCurrent('loo-pointwise');
}
