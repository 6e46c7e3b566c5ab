import type { RunLoo } from '../../../core/run/index';
import { useRunStore, type LooHistoryEntry, type RunState } from '../run/index';
import { EChart, type ChartSource } from './EChart';
import { exportLooPointwise } from './exports';
import { badK, khatOption } from './khat-options';
import { formatK, formatNumber } from './number-format';

const KHAT: ChartSource = {
  title: 'Pareto k of each observation',
  fileParts: () => ['khat'],
  inputs: (s) => [s.loo],
  build: (s) => (s.loo?.status === 'done' ? khatOption(s.loo.result) : { empty: 'Compute PSIS-LOO to see each observation’s k' }),
};

/** Observations named one by one under the table; more are counted. */
const NAMED_BAD = 12;

/**
 * After a run: approximate leave-one-out cross-validation (PSIS-LOO) as R's loo prints it: elpd_loo,
 * p_loo and looic with SEs, the Monte Carlo SE, the Pareto k table, and which observations' k is too high.
 */
export function LooPanel() {
  const status = useRunStore((s) => s.status);
  const hasDraws = useRunStore((s) => (s.draws?.total ?? 0) > 0);
  const loo = useRunStore((s) => s.loo);
  if (status === 'running' || !hasDraws) return null;
  return (
    <section className="loo-panel" data-testid="loo-panel" aria-label="Leave-one-out cross-validation">
      <h3>Leave-one-out cross-validation</h3>
      <div className="predictive-controls">
        <button type="button" data-testid="loo-run" disabled={loo?.status === 'running'} title="PSIS-LOO of the run's draws, as R's loo computes it: the expected log predictive density of each observation left out" onClick={() => void useRunStore.getState().computeLoo()}>
          Compute PSIS-LOO
        </button>
        {loo?.status === 'running' && <span className="results-note">Computing each observation's log-likelihood at every draw…</span>}
      </div>
      {loo?.status === 'failed' && (
        <p className="results-error" role="alert" data-testid="loo-error">
          {loo.message}
        </p>
      )}
      {loo?.status === 'done' && <LooResult result={loo.result} />}
      <LooComparison />
    </section>
  );
}

function LooResult({ result }: { result: RunLoo }) {
  const kBad = badK(result);
  const bad = result.pointwise.flatMap((p, i) => (p.paretoK > kBad ? [{ name: result.names[i]!, k: p.paretoK }] : []));
  const estimates = [
    ['elpd_loo', result.elpdLoo, 'Expected log pointwise predictive density of new data: higher is better'],
    ['p_loo', result.pLoo, 'Effective number of parameters'],
    ['looic', result.looic, '−2 elpd_loo, on the deviance scale'],
    ['elpd_waic', result.waic.elpdWaic, 'WAIC’s estimate of the same, from the same log-likelihoods (R’s loo::waic): less reliable than PSIS-LOO'],
    ['p_waic', result.waic.pWaic, 'WAIC’s effective number of parameters: the summed variances of the log-likelihoods'],
    ['waic', result.waic.waic, '−2 elpd_waic'],
  ] as const;
  return (
    <>
      <p className="results-note">
        From {result.draws} draws of {result.observations} observation{result.observations === 1 ? '' : 's'}. Monte Carlo SE of elpd_loo:{' '}
        <span data-testid="loo-mcse">{Number.isNaN(result.mcseElpdLoo) ? `not available (some k exceed ${kBad})` : formatNumber(result.mcseElpdLoo)}</span>.{' '}
        <button type="button" className="small" data-testid="export-loo-pointwise" title="Each observation's elpd_loo, MCSE, p_loo, looic, Pareto k, n_eff and r_eff, as tilde loo --pointwise writes them (tilde loo-compare reads them)" onClick={() => void exportLooPointwise()}>
          Export pointwise (CSV)
        </button>
      </p>
      <div className="loo-tables">
        <table className="summary-table" data-testid="loo-estimates">
          <thead>
            <tr>
              <th />
              <th>Estimate</th>
              <th>SE</th>
            </tr>
          </thead>
          <tbody>
            {estimates.map(([name, e, title]) => (
              <tr key={name} data-testid="loo-estimate" data-name={name}>
                <td title={title}>{name}</td>
                <td data-value={String(e.estimate)}>{formatNumber(e.estimate)}</td>
                <td data-value={String(e.se)}>{formatNumber(e.se)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="summary-table" data-testid="loo-k-table">
          <thead>
            <tr>
              <th>Pareto k</th>
              <th>Count</th>
              <th>Pct.</th>
              <th title="The smallest PSIS effective sample size in the class">Min. n_eff</th>
            </tr>
          </thead>
          <tbody>
            {result.kTable.map((c) => (
              <tr key={c.label} data-testid="loo-k-class" data-label={c.label}>
                <td>
                  {c.label} ({c.lower === -Infinity ? 'k' : `${c.lower} < k`}
                  {c.upper === Infinity ? '' : ` ≤ ${c.upper}`})
                </td>
                <td data-value={String(c.count)} data-flag={c.count > 0 && c.lower >= kBad ? 'k' : undefined}>
                  {c.count}
                </td>
                <td>{((100 * c.count) / result.observations).toFixed(1)} %</td>
                <td>{c.count > 0 ? Math.round(c.minNEff) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.waic.warning && (
        <p className="results-note" data-testid="waic-warning">
          WAIC: {result.waic.warning}
        </p>
      )}
      {bad.length > 0 && (
        <p className="results-error" data-testid="loo-bad">
          k above {kBad} for {bad.slice(0, NAMED_BAD).map((b) => `${b.name} (${formatK(b.k)})`).join(', ')}
          {bad.length > NAMED_BAD ? ` and ${bad.length - NAMED_BAD} more` : ''}: elpd_loo cannot be trusted there.{' '}
          {result.momentMatched ? 'Moment matching did not bring k down enough: refit' : 'Moment-match them, or refit'} without those observations (exact LOO), or use a likelihood they move less (heavier tails).{' '}
          {!result.momentMatched && (
            <button type="button" className="small" data-testid="loo-moment-match" title="R's loo_moment_match (Paananen et al. 2021): for each observation whose k is too high, the draws are moved towards its leave-one-out posterior by affine maps while k falls, and reweighted with the model's log density" onClick={() => void useRunStore.getState().computeLoo({ momentMatch: true })}>
              Moment-match
            </button>
          )}
        </p>
      )}
      {result.momentMatched && result.momentMatched.length > 0 && (
        <p className="results-note" data-testid="loo-moment-matched">
          Moment matched (R's loo_moment_match):{' '}
          {result.momentMatched.map((o) => `${o.name} k ${formatK(o.kBefore)} → ${formatK(result.pointwise[result.names.indexOf(o.name)]!.paretoK)} (${o.transformations} transformation${o.transformations === 1 ? '' : 's'})`).join(', ')}.
        </p>
      )}
      <EChart source={KHAT} testId="chart-khat" />
      {result.notes.map((note) => (
        <p key={note} className="results-note" data-testid="loo-note">
          {note}.
        </p>
      ))}
    </>
  );
}

/** loo_compare of this run with the earlier runs of the same data size whose leave-one-out was computed. */
function LooComparison() {
  const comparison = useRunStore((s) => s.looComparison);
  const history = useRunStore((s) => s.looHistory);
  const runId = useRunStore((s) => s.runId);
  if (!comparison) return null;
  if (comparison.status === 'failed') {
    return (
      <p className="results-error" role="alert" data-testid="loo-compare-error">
        No comparison with earlier runs: {comparison.message}
      </p>
    );
  }
  return (
    <>
      <h4 className="loo-compare-title">Compared with earlier runs (R's loo_compare)</h4>
      <table className="summary-table" data-testid="loo-compare">
        <thead>
          <tr>
            <th>Run</th>
            <th title="elpd_loo minus the best run's: 0 for the best">elpd_diff</th>
            <th title="SE of the difference, from the paired pointwise differences">se_diff</th>
            <th>elpd_loo</th>
            <th>SE</th>
            <th>p_loo</th>
            <th>looic</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((r) => (
            <tr key={r.name} data-testid="loo-compare-row" data-run={r.name} className={Number(r.name) === runId ? 'current-run' : undefined}>
              <td>{labelOf(history, Number(r.name))}</td>
              <td data-value={String(r.elpdDiff)}>{formatNumber(r.elpdDiff)}</td>
              <td data-value={String(r.seDiff)}>{formatNumber(r.seDiff)}</td>
              <td>{formatNumber(r.elpdLoo.estimate)}</td>
              <td>{formatNumber(r.elpdLoo.se)}</td>
              <td>{formatNumber(r.pLoo.estimate)}</td>
              <td>{formatNumber(r.looic.estimate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="results-note">
        A difference smaller than about twice its SE does not tell the models apart.{' '}
        <button type="button" className="small" data-testid="loo-forget" onClick={() => useRunStore.getState().forgetLooHistory()}>
          Forget earlier runs
        </button>
      </p>
    </>
  );
}

function labelOf(history: RunState['looHistory'], runId: number): string {
  return history.find((h: LooHistoryEntry) => h.runId === runId)?.label ?? `run ${runId}`;
}
