import type { ChainSamplerDiagnostics, DiagnosticWarning } from '../../../core/diagnostics/index';
import { formatNumber } from './number-format';
import { chainFlags } from './summary-flags';

interface ChainColumn {
  readonly key: string;
  readonly title: string;
  readonly tip: string;
  readonly value: (s: ChainSamplerDiagnostics) => number;
  readonly text?: (s: ChainSamplerDiagnostics) => string;
  /** The warning that flags this column's cell. */
  readonly warning?: DiagnosticWarning['kind'];
}

const seconds = (s: number): string => (Number.isNaN(s) ? '–' : formatNumber(s));

/** ShinyStan's per-chain NUTS table: the checks, then what each chain adapted to and what it cost. */
const COLUMNS: readonly ChainColumn[] = [
  { key: 'divergences', title: 'Divergences', tip: 'Transitions that diverged', value: (s) => s.divergences, warning: 'divergences' },
  { key: 'tree_depth', title: 'Max tree depth hits', tip: 'Transitions that reached the maximum tree depth', value: (s) => s.treeDepthHits, text: (s) => `${formatNumber(s.treeDepthHits)} (depth ${s.maxTreeDepth})`, warning: 'tree_depth' },
  { key: 'ebfmi', title: 'E-BFMI', tip: 'Energy Bayesian fraction of missing information (below 0.3 is a problem)', value: (s) => s.ebfmi, text: (s) => (Number.isFinite(s.ebfmi) ? s.ebfmi.toFixed(2) : '–'), warning: 'ebfmi' },
  { key: 'step_size', title: 'Step size', tip: 'The step size ε the warm-up adapted (a chain far below the others went somewhere harder)', value: (s) => s.stepSize },
  { key: 'acceptance', title: 'Mean accept stat', tip: 'Mean acceptance statistic (Stan’s accept_stat__): near the target δ after a good warm-up', value: (s) => s.meanAcceptance },
  { key: 'leapfrog', title: 'Steps / draw', tip: 'Gradient evaluations a draw, on average (Stan’s n_leapfrog__): what a draw costs', value: (s) => s.meanLeapfrogSteps },
  { key: 'elbo', title: 'ELBO', tip: 'The variational fit’s evidence lower bound, over its last optimisation steps', value: (s) => s.variational?.elbo ?? NaN },
  { key: 'pareto_k', title: 'Pareto k̂', tip: 'Pareto k̂ of the draws’ importance ratios log p − log q (above 0.7 the variational fit is unreliable)', value: (s) => s.variational?.paretoK ?? NaN, warning: 'pareto_k' },
  { key: 'log_evidence', title: 'log evidence', tip: 'log p(y) as the particles’ weights estimate it (Turing’s logevidence): compare models by it', value: (s) => s.particles?.logEvidence ?? NaN },
  { key: 'distinct_draws', title: 'Distinct draws', tip: 'Distinct particles among the draws: resampling copies particles, so few means the draws repeat a handful (and their ESS counts the copies)', value: (s) => s.particles?.distinctDraws ?? NaN, warning: 'particles' },
  { key: 'time', title: 'Time', tip: 'Wall time of the warm-up + that of the kept draws', value: (s) => s.warmupSeconds + s.samplingSeconds, text: (s) => `${seconds(s.warmupSeconds)} + ${seconds(s.samplingSeconds)} s` },
];

/** Each chain's sampler checks and statistics, the cells with a warning flagged; a column no chain has (MH's step size) is left out. */
export function SamplerChains({ sampler, warnings }: { sampler: readonly ChainSamplerDiagnostics[]; warnings: readonly DiagnosticWarning[] }) {
  const flags = chainFlags(warnings);
  const columns = COLUMNS.filter((c) => sampler.some((s) => !Number.isNaN(c.value(s))));
  return (
    <div className="results-table-scroll">
      <table className="summary-table" data-testid="sampler-chains">
        <thead>
          <tr>
            <th>Chain</th>
            <th>Draws</th>
            {columns.map((c) => (
              <th key={c.key} title={c.tip}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sampler.map((s) => (
            <tr key={s.chain} data-chain={s.chain + 1}>
              <td>{s.chain + 1}</td>
              <td>{s.draws}</td>
              {columns.map((c) => {
                const flag = c.warning === undefined ? undefined : flags.get(s.chain)?.get(c.warning);
                return (
                  <td key={c.key} data-column={c.key} data-value={String(c.value(s))} data-flag={flag ? c.warning : undefined} title={flag}>
                    {c.text ? c.text(s) : formatNumber(c.value(s))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
