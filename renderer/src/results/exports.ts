import { create } from 'zustand';
import type { ExportKind } from '../../../runner/api';
import { useRunStore } from '../run/index';
import { tilde } from '../tilde';
import { exportRun, type ExportOutcome } from './export-run';
import type { ImageFormat } from './plot-file-name';
import { plotImage, type ShownPlot } from './plot-image';
import { savePlot } from './save-plot';

interface ExportState {
  busy: boolean;
  outcome: ExportOutcome | null;
}

/** The last export's or plot save's outcome, shown beside the export buttons whether a button or the menu asked. */
export const useExportStore = create<ExportState>()(() => ({ busy: false, outcome: null }));

async function exporting(work: () => Promise<ExportOutcome>): Promise<void> {
  useExportStore.setState({ busy: true, outcome: null });
  const outcome = await work();
  useExportStore.setState({ busy: false, outcome });
}

function exportCurrent(kind: ExportKind): Promise<void> {
  const { runId, summaryProbs } = useRunStore.getState();
  return exporting(() => exportRun(tilde(), runId, kind, summaryProbs));
}

/** A plot as shown, as a PNG or SVG file named after it (the plot, then its parameter). */
export function saveChart(shown: ShownPlot, format: ImageFormat): Promise<void> {
  return exporting(() => savePlot(tilde(), () => plotImage(shown, format), format));
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
