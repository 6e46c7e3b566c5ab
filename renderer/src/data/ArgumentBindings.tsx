import type { ArgumentBinding } from '../../../runner/api';
import { formatShape } from '../shared/index';

const STATUS_TEXT: Record<ArgumentBinding['status'], string> = {
  given: 'from the data',
  script: "from the file's call of the model",
  default: 'model default',
  missing: 'missing',
  conditions: 'from the data: conditions this random variable (observed)',
};

/** How each argument of the model is bound, with the engine's data error beside its argument. */
export function ArgumentBindings({ bindings }: { bindings: readonly ArgumentBinding[] }) {
  if (bindings.length === 0) return <p className="muted">The model takes no arguments.</p>;
  return (
    <table className="table arguments">
      <thead>
        <tr>
          <th>Argument</th>
          <th>Bound</th>
          <th>Shape</th>
        </tr>
      </thead>
      <tbody>
        {bindings.map((b) => (
          <tr key={b.name} data-testid={`argument-${b.name}`} data-status={b.status} className={b.error || b.status === 'missing' ? 'argument-bad' : undefined}>
            <td className="mono">{b.name}</td>
            <td>
              <span className={`status status-${b.status}`}>{STATUS_TEXT[b.status]}</span>
              {b.observedFields && <span data-testid="argument-observed">{`; observed: ${b.observedFields.map((f) => `${b.name}.${f}`).join(', ')}`}</span>}
              {b.error && (
                <div className="argument-error" data-testid="argument-error">
                  {b.error}
                </div>
              )}
            </td>
            <td>{b.summary ?? (b.shape ? formatShape(b.shape) : '—')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
