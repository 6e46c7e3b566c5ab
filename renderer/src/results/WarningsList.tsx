import { useState } from 'react';
import type { DiagnosticWarning } from '../../../core/diagnostics/index';
import { warningLines, warningText } from './warning-lines';

/** Lines shown before the rest fold into "and N more": enough to see what kind of trouble a run is in. */
const SHOWN = 5;

export function WarningsList({ warnings }: { warnings: readonly DiagnosticWarning[] }) {
  const [expanded, setExpanded] = useState(false);
  if (warnings.length === 0) {
    return (
      <p className="results-ok" data-testid="warnings-list">
        No warnings: R-hat, effective sample sizes and the sampler checks are within their thresholds.
      </p>
    );
  }
  const lines = warningLines(warnings);
  const hidden = expanded ? 0 : Math.max(0, lines.length - SHOWN);
  return (
    <ul className="results-warnings" data-testid="warnings-list">
      {lines.slice(0, lines.length - hidden).map((line) => {
        const { problems, advice } = warningText(line);
        return (
          <li key={`${line.kinds.join(' ')}:${line.subject}`} className={line.severe ? 'results-warning results-warning-severe' : 'results-warning'} data-testid="warning" data-kind={line.kinds.join(' ')}>
            {problems}
            {advice && <span className="results-warning-advice">{advice}</span>}
          </li>
        );
      })}
      {lines.length > SHOWN && (
        <li className="results-warning-more">
          <button type="button" onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
            {expanded ? 'show fewer' : `and ${hidden} more`}
          </button>
        </li>
      )}
    </ul>
  );
}
