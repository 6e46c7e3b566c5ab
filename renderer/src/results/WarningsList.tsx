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
    <ul className="warnings-list" data-testid="warnings-list">
      {warnings.map((w, i) => (
        <li key={i} className={`warning warning-${w.kind}`} data-testid="warning" data-kind={w.kind}>
          {w.message}
        </li>
      ))}
    </ul>
  );
}
