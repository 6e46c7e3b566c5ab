import { useRunStore } from '../run/index';
import { exportDraws, exportSummary, useExportStore } from './exports';

export function ExportButtons() {
  const hasDraws = useRunStore((s) => s.runId !== null && (s.draws?.total ?? 0) > 0);
  const busy = useExportStore((s) => s.busy);
  const outcome = useExportStore((s) => s.outcome);
  const disabled = !hasDraws || busy;
  const hint = hasDraws ? undefined : 'Start a run to export its draws';
  return (
    <div className="export-buttons">
      <span className="export-label">Export CSV</span>
      <button type="button" data-testid="export-draws-wide" disabled={disabled} title={hint ?? 'All chains in one file, a column for the chain'} onClick={() => void exportDraws('wide')}>
        Draws
      </button>
      <button type="button" data-testid="export-draws-stan" disabled={disabled} title={hint ?? "One file per chain in CmdStan's layout"} onClick={() => void exportDraws('stan')}>
        Draws (Stan)
      </button>
      <button type="button" data-testid="export-summary" disabled={disabled} title={hint ?? 'The summary table'} onClick={() => void exportSummary()}>
        Summary
      </button>
      {outcome && (
        <span className={outcome.ok ? 'export-outcome' : 'export-outcome export-failed'} role="status">
          {outcome.message}
        </span>
      )}
    </div>
  );
}
