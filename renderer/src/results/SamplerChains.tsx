import type { ChainSamplerDiagnostics, DiagnosticWarning } from '../../../core/diagnostics/index';
import { formatNumber } from './number-format';
import { chainFlags } from './summary-flags';

/** Each chain's sampler checks (divergences, tree depth, E-BFMI), the cells with a warning flagged. */
export function SamplerChains({ sampler, warnings }: { sampler: readonly ChainSamplerDiagnostics[]; warnings: readonly DiagnosticWarning[] }) {
  const flags = chainFlags(warnings);
  const cell = (chain: number, kind: DiagnosticWarning['kind'], value: number, text: string) => {
    const flag = flags.get(chain)?.get(kind);
    return (
      <td data-column={kind} data-value={String(value)} data-flag={flag ? kind : undefined} title={flag}>
        {text}
      </td>
    );
  };
  return (
    <div className="results-table-scroll">
      <table className="summary-table" data-testid="sampler-chains">
        <thead>
          <tr>
            <th>Chain</th>
            <th>Draws</th>
            <th title="Transitions that diverged">Divergences</th>
            <th title="Transitions that reached the maximum tree depth">Max tree depth hits</th>
            <th title="Energy Bayesian fraction of missing information (below 0.3 is a problem)">E-BFMI</th>
          </tr>
        </thead>
        <tbody>
          {sampler.map((s) => (
            <tr key={s.chain} data-chain={s.chain + 1}>
              <td>{s.chain + 1}</td>
              <td>{s.draws}</td>
              {cell(s.chain, 'divergences', s.divergences, formatNumber(s.divergences))}
              {cell(s.chain, 'tree_depth', s.treeDepthHits, `${formatNumber(s.treeDepthHits)} (depth ${s.maxTreeDepth})`)}
              {cell(s.chain, 'ebfmi', s.ebfmi, Number.isFinite(s.ebfmi) ? s.ebfmi.toFixed(2) : '–')}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
