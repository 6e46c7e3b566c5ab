import { useDeferredValue, useMemo } from 'react';
import { useRunStore } from '../run/index';
import { SamplerChains } from './SamplerChains';
import { STATS_COLUMNS, SUMMARY_COLUMN_ORDER } from './summary-columns';
import { summaryFlags } from './summary-flags';
import { SummaryTable } from './SummaryTable';
import { WarningsList } from './WarningsList';

const NO_FLAGS = new Map();

/** The summary, the warnings and the sampler statistics of the draws so far (refreshed about once a second). */
export function Diagnostics() {
  // A new diagnosis re-renders a table of every parameter: deferred, React renders it in slices between
  // frames instead of in one long task while the draws stream.
  const diagnosis = useDeferredValue(useRunStore((s) => s.diagnosis));
  const error = useRunStore((s) => s.diagnosisError);
  const status = useRunStore((s) => s.status);
  const flags = useMemo(() => summaryFlags(diagnosis?.warnings ?? []), [diagnosis]);
  if (!diagnosis) {
    const why = error ? `No diagnostics: ${error}` : status === 'running' ? 'The summary, warnings and sampler statistics appear with the first draws.' : 'No draws to diagnose.';
    return <p className="results-empty">{why}</p>;
  }
  const perChain = diagnosis.draws.length > 0 && diagnosis.draws.every((n) => n === diagnosis.draws[0]) ? `${diagnosis.draws[0]} draws per chain` : `${diagnosis.draws.join(', ')} draws per chain`;
  return (
    <div className="run-diagnostics">
      <h3>
        Summary <span className="results-note">{status === 'running' ? `so far: ${perChain}` : perChain}</span>
      </h3>
      <SummaryTable rows={diagnosis.summary} columns={SUMMARY_COLUMN_ORDER} flags={flags} testId="summary-table" rowTestId="summary-row" />
      <h3>Warnings</h3>
      <WarningsList warnings={diagnosis.warnings} />
      {diagnosis.sampler.length > 0 && (
        <>
          <h3>Sampler checks per chain</h3>
          <SamplerChains sampler={diagnosis.sampler} warnings={diagnosis.warnings} />
        </>
      )}
      <h3>Sampler statistics</h3>
      <SummaryTable rows={diagnosis.stats} columns={STATS_COLUMNS} flags={NO_FLAGS} testId="stats-table" rowTestId="stat-row" nameLabel="Statistic" />
    </div>
  );
}
