import { useRunStore } from '../run/index';
import { formatNumber } from './number-format';

/** MAP or MLE: the mode and its standard error per element. */
export function OptimizeResultTable() {
  const result = useRunStore((s) => s.optimization);
  const status = useRunStore((s) => s.status);
  if (!result) return <p className="results-empty">{status === 'running' ? 'Optimising…' : 'The optimisation gave no result.'}</p>;
  const objective = result.kind === 'map' ? 'log joint' : 'log likelihood';
  return (
    <div className="optimize-result">
      <h3>
        {result.kind === 'map' ? 'Maximum a posteriori' : 'Maximum likelihood'}{' '}
        <span className="results-note">
          {objective} {formatNumber(result.value)} · {result.converged ? 'converged' : 'did not converge'} after {result.iterations} iterations
        </span>
      </h3>
      {!result.converged && <p className="results-error">{result.message}</p>}
      <div className="results-table-scroll">
        <table className="summary-table" data-testid="optimize-result">
          <thead>
            <tr>
              <th>Parameter</th>
              <th title="The value at the optimum">Mode</th>
              <th title="Standard error from the inverse Hessian">SE</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(result.mode).map(([name, mode]) => {
              const se = result.se[name] ?? NaN;
              return (
                <tr key={name} data-testid="optimize-row" data-parameter={name}>
                  <td>{name}</td>
                  <td data-column="mode" data-value={String(mode)}>
                    {formatNumber(mode)}
                  </td>
                  <td data-column="se" data-value={String(se)}>
                    {formatNumber(se)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {result.seMessage && <p className="results-note">Standard errors: {result.seMessage}</p>}
    </div>
  );
}
