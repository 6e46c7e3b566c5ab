import type { DiagnosticWarning } from '../../../core/diagnostics/index';

export function WarningsList({ warnings }: { warnings: readonly DiagnosticWarning[] }) {
  if (warnings.length === 0) {
    return (
      <p className="results-ok" data-testid="warnings-list">
        No warnings: R-hat, effective sample sizes and the sampler checks are within their thresholds.
      </p>
    );
  }
  return (
    <ul className="results-warnings" data-testid="warnings-list">
      {warnings.map((w, i) => (
        <li key={i} className={`results-warning results-warning-${w.kind}`} data-testid="warning" data-kind={w.kind}>
          {w.message}
        </li>
      ))}
    </ul>
  );
}
