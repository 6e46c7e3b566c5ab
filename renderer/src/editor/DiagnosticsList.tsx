import { useCheckStore } from '../check/index';
import { revealLine } from './active-editor';

/** The engine's messages under the editor; a click puts the cursor on the line. */
export function DiagnosticsList() {
  const report = useCheckStore((s) => s.report);
  const failure = useCheckStore((s) => s.failure);
  const diagnostics = report?.diagnostics ?? [];
  return (
    <section className="diagnostics" aria-label="Problems">
      {failure && <p className="diagnostics-failure">{failure}</p>}
      {report?.ok && diagnostics.length === 0 && <p className="diagnostics-ok">The model compiles and its data binds.</p>}
      <ul data-testid="diagnostics-list">
        {diagnostics.map((d, i) => (
          <li key={`${d.from}:${d.to}:${i}`} data-testid="diagnostic" data-line={d.line} className={`diagnostic diagnostic-${d.severity}`}>
            <button type="button" onClick={() => revealLine(d.line)} title={`Go to line ${d.line}, column ${d.column}`}>
              line {d.line}: {d.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
