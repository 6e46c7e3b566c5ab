import { useRunStore } from '../run/index';
import { Charts } from './Charts';
import { Diagnostics } from './Diagnostics';
import { ExportButtons } from './ExportButtons';
import { OptimizeResultTable } from './OptimizeResultTable';
import { ParameterPicker } from './ParameterPicker';
import './results.css';

/** Plots, diagnostics and export of the current run, or the MAP/MLE table after an optimisation. */
export function ResultsPanel() {
  const mode = useRunStore((s) => s.mode);
  const failedEmpty = useRunStore((s) => s.status === 'failed' && s.layout === null);
  return (
    <section className="results-panel" aria-label="Results">
      {mode === 'optimize' ? (
        <OptimizeResultTable />
      ) : (
        <>
          <div className="results-toolbar">
            <ParameterPicker />
            <ExportButtons />
          </div>
          {mode === null ? (
            <p className="results-empty results-start">Start a run to see draws here: the trace and the other plots fill in as the chains go, then the summary and diagnostics.</p>
          ) : failedEmpty ? (
            <p className="results-empty">The run made no draws; the message above says why.</p>
          ) : (
            <>
              <Charts />
              <Diagnostics />
            </>
          )}
        </>
      )}
    </section>
  );
}
