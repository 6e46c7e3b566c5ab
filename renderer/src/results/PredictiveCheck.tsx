import { useState } from 'react';
import type { ArgumentBinding } from '../../../runner/api';
import { useCheckStore } from '../check/index';
import { useRunStore, type PredictiveCheck as Check } from '../run/index';
import type { ChartSource } from './EChart';
import { EChart } from './EChart';
import { formatNumber } from './number-format';
import { exportReplicates } from './exports';
import { predictiveOption } from './predictive-options';

/**
 * The data a posterior predictive can replicate: arguments left of a `~`, the columns of a table argument its `df.y[i] ~`
 * observe (as `df.y`), and data that conditions a random variable.
 */
export function replicable(bindings: readonly ArgumentBinding[]): string[] {
  return bindings.flatMap((b) => {
    const columns = b.status === 'missing' ? [] : (b.observedFields ?? []).map((f) => `${b.name}.${f}`);
    return (b.observed && b.status !== 'missing') || b.status === 'conditions' ? [b.name, ...columns] : columns;
  });
}

const NO_CHECK = { empty: 'Choose the data to replicate and press Replicate' };

/** The overlay of the first replicated variable: the check replicates one at a time. */
const PREDICTIVE: ChartSource = {
  title: 'Posterior predictive',
  fileParts: (s) => ['posterior-predictive', s.predictive?.status === 'done' ? s.predictive.result.variables[0]?.name : null],
  inputs: (s) => [s.predictive],
  build: (s) => (s.predictive?.status === 'done' && s.predictive.result.variables[0] ? predictiveOption(s.predictive.result.variables[0]) : NO_CHECK),
};

/**
 * After a run: the observed data replicated at the run's draws (Turing's `predict`), its density over the
 * replicates' (bayesplot's ppc_dens_overlay) and test statistics with posterior predictive p-values (ppc_stat).
 */
export function PredictiveCheck() {
  const status = useRunStore((s) => s.status);
  const hasDraws = useRunStore((s) => (s.draws?.total ?? 0) > 0);
  const check = useRunStore((s) => s.predictive);
  const bindings = useCheckStore((s) => s.report?.arguments);
  const candidates = replicable(bindings ?? []);
  const [chosen, setChosen] = useState<string | null>(null);
  const name = chosen !== null && candidates.includes(chosen) ? chosen : (candidates[0] ?? null);
  if (status === 'running' || !hasDraws) return null;
  return (
    <section className="predictive-check" data-testid="predictive-check" aria-label="Posterior predictive check">
      <h3>Posterior predictive check</h3>
      {name === null ? (
        <p className="results-empty">The model observes no data argument (none stands left of a ~): there is nothing to replicate.</p>
      ) : (
        <div className="predictive-controls">
          {candidates.length > 1 && (
            <label>
              Data{' '}
              <select data-testid="predictive-select" value={name} onChange={(e) => setChosen(e.target.value)}>
                {candidates.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" data-testid="predictive-run" disabled={check?.status === 'running'} title="Draw the data anew at up to 400 of the run's draws, as Turing's predict does" onClick={() => void useRunStore.getState().checkPredictive([name])}>
            Replicate {name}
          </button>
          {check?.status === 'running' && <span className="results-note">Replicating {check.replicate.join(', ')}…</span>}
        </div>
      )}
      {check?.status === 'failed' && (
        <p className="results-error" role="alert" data-testid="predictive-error">
          {check.message}
        </p>
      )}
      {name !== null && <EChart source={PREDICTIVE} testId="chart-predictive" />}
      {check?.status === 'done' && <PredictiveTests check={check} />}
    </section>
  );
}

function PredictiveTests({ check }: { check: Extract<Check, { status: 'done' }> }) {
  const variable = check.result.variables[0];
  if (!variable || variable.tests.length === 0) return null;
  const missing = variable.elements - variable.observedElements;
  return (
    <>
      <p className="results-note">
        {variable.draws} replicates of {variable.name} ({variable.observedElements} observed values{missing > 0 ? `; ${missing} missing left out` : ''}). A p-value near 0 or 1 says the model misses that feature of the data.{' '}
        <button type="button" className="small" data-testid="export-replicates" title="Every replicate with the chain and draw it was drawn at" onClick={() => void exportReplicates()}>
          Export replicates (CSV)
        </button>
      </p>
      <table className="summary-table" data-testid="predictive-tests">
        <thead>
          <tr>
            <th>Statistic T</th>
            <th title="T of the data">T(y)</th>
            <th title="The mean of T over the replicates">mean T(y_rep)</th>
            <th title="The share of replicates whose T is at least the data's">P(T(y_rep) ≥ T(y))</th>
          </tr>
        </thead>
        <tbody>
          {variable.tests.map((t) => (
            <tr key={t.statistic} data-testid="predictive-test" data-statistic={t.statistic}>
              <td>{t.statistic}</td>
              <td data-value={String(t.observed)}>{formatNumber(t.observed)}</td>
              <td data-value={String(t.replicatedMean)}>{formatNumber(t.replicatedMean)}</td>
              <td data-column="p" data-value={String(t.p)} data-flag={t.p < 0.025 || t.p > 0.975 ? 'p' : undefined}>
                {t.p.toFixed(2)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
