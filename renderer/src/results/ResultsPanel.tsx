import { useRunStore } from '../run/index';
import { Charts } from './Charts';
import { Diagnostics } from './Diagnostics';
import { ExportButtons } from './ExportButtons';
import { LooPanel } from './LooPanel';
import { OptimizeResultTable } from './OptimizeResultTable';
import { ParameterPicker } from './ParameterPicker';
import { PredictiveCheck } from './PredictiveCheck';
import './results.css';

/** Plots, diagnostics, checks and export of the current run, or the MAP/MLE table after an optimisation. */
export function ResultsPanel() {
  const mode = useRunStore((s) => s.mode);
  // A new run may have other variables: what was typed into the picker for the last one is dropped.
  const runId = useRunStore((s) => s.runId);
  return (
    <section className="results-panel" aria-label="Results">
      {mode === 'optimize' ? (
        <OptimizeResultTable />
      ) : (
        <>
          {mode === null ? (
            <p className="results-empty">Start a run to see its draws plotted here, with the summary, the warnings and the sampler statistics.</p>
          ) : (
            <div className="results-toolbar">
              <ParameterPicker key={runId ?? 'none'} />
              <ExportButtons />
            </div>
          )}
          {/* Mounted before the first run, out of sight, so the charts set up while nothing else is going on. */}
          <Charts hidden={mode === null} />
          {mode !== null && <Diagnostics />}
          {mode === 'sample' && <PredictiveCheck />}
          {mode === 'sample' && <LooPanel />}
        </>
      )}
    </section>
  );
}
