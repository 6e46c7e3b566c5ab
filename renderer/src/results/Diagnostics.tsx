import { memo, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import type { RunDiagnosis } from '../../../runner/api';
import { useSettingsStore } from '../document/index';
import { useRunStore } from '../run/index';
import { SamplerChains } from './SamplerChains';
import { quantileColumns, STATS_COLUMNS, SUMMARY_COLUMN_ORDER, withQuantiles, type QuantileColumn } from './summary-columns';
import { parseQuantiles } from './summary-quantiles';
import { summaryFlags } from './summary-flags';
import { SummaryTable } from './SummaryTable';
import { useInView } from './use-in-view';
import { WarningsList } from './WarningsList';

const NO_FLAGS = new Map();

/** The summary, the warnings and the sampler statistics of the draws so far (refreshed about once a second). */
export function Diagnostics() {
  const box = useRef<HTMLDivElement>(null);
  const inView = useInView(box);
  const status = useRunStore((s) => s.status);
  const error = useRunStore((s) => s.diagnosisError);
  const latest = useRunStore((s) => s.diagnosis);
  const quantilesText = useSettingsStore((s) => s.settings.quantiles ?? '');
  const quantiles = useMemo(() => parseQuantiles(quantilesText), [quantilesText]);
  // Kept while the text cannot be read, so that a half-typed list does not take the columns away.
  useEffect(() => {
    if (quantiles.problem === undefined) useRunStore.getState().setSummaryProbs(quantiles.probs);
  }, [quantiles]);
  // Off screen, the run is not diagnosed while draws stream (the store asks again when this comes into
  // view): each diagnosis costs the engine a summary of every parameter and the window a render of it.
  // content-visibility would not spare the render: Chromium keeps rendering what lies within one and a
  // half screens of the view, where the tables usually are, below the charts.
  useEffect(() => {
    useRunStore.getState().watchDiagnosis(inView);
    return () => useRunStore.getState().watchDiagnosis(false);
  }, [inView]);
  // A new diagnosis re-renders a table of every parameter: deferred, React renders it in slices between
  // frames instead of in one long task while the draws stream.
  const diagnosis = useDeferredValue(latest);
  const why = error ? `No diagnostics: ${error}` : status === 'running' ? 'The summary, warnings and sampler statistics appear with the first draws.' : 'No draws to diagnose.';
  return <div ref={box} data-testid="diagnostics">{diagnosis ? <DiagnosisTables diagnosis={diagnosis} running={status === 'running'} quantilesText={quantilesText} quantilesProblem={quantiles.problem} /> : <p className="results-empty">{why}</p>}</div>;
}

/** Memoised: a re-render of the panel that brings no new diagnosis (the run's status, the view) costs no render of the tables. */
const DiagnosisTables = memo(function DiagnosisTables({ diagnosis, running, quantilesText, quantilesProblem }: { diagnosis: RunDiagnosis; running: boolean; quantilesText: string; quantilesProblem: string | undefined }) {
  const flags = useMemo(() => summaryFlags(diagnosis.warnings), [diagnosis]);
  // Kept while the quantiles stay the same: new columns re-render every row of the table at once, where a new
  // diagnosis re-renders them a slice a frame (a 100-parameter table took a 150 ms task).
  const further = quantileColumns(diagnosis.summary).join(' ');
  const columns = useMemo(() => withQuantiles(SUMMARY_COLUMN_ORDER, further === '' ? [] : (further.split(' ') as QuantileColumn[])), [further]);
  const perChain = diagnosis.draws.length > 0 && diagnosis.draws.every((n) => n === diagnosis.draws[0]) ? `${diagnosis.draws[0]} draws per chain` : `${diagnosis.draws.join(', ')} draws per chain`;
  return (
    <div className="run-diagnostics">
      <h3>
        Summary <span className="results-note">{running ? `so far: ${perChain}` : perChain}</span>
      </h3>
      <label className="summary-quantiles">
        Further quantiles (%){' '}
        <input value={quantilesText} placeholder="e.g. 2.5, 97.5" spellCheck={false} aria-invalid={quantilesProblem ? true : undefined} data-testid="summary-quantiles" onChange={(e) => useSettingsStore.getState().setQuantiles(e.target.value)} />
        {quantilesProblem && <span className="field-problem">{quantilesProblem}</span>}
      </label>
      <SummaryTable rows={diagnosis.summary} columns={columns} flags={flags} testId="summary-table" rowTestId="summary-row" />
      <h3>Warnings</h3>
      <WarningsList warnings={diagnosis.warnings} />
      {diagnosis.sampler.length > 0 && (
        <>
          <h3>Sampler per chain</h3>
          <SamplerChains sampler={diagnosis.sampler} warnings={diagnosis.warnings} />
        </>
      )}
      <h3>Sampler statistics</h3>
      <SummaryTable rows={diagnosis.stats} columns={STATS_COLUMNS} flags={NO_FLAGS} testId="stats-table" rowTestId="stat-row" nameLabel="Statistic" />
    </div>
  );
});
