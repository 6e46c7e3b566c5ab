import { useEffect, useRef } from 'react';
import type { BackendBenchmark } from '../../../core/model/index';
import { backendValueOfLabel } from './backend-choices';

function formatMicroseconds(us: number): string {
  return `${us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : us.toFixed(0)} µs`;
}

export function BenchmarkTable({ benchmark, onUse }: { benchmark: BackendBenchmark; onUse(value: string): void }) {
  const table = useRef<HTMLTableElement>(null);
  // A new result may land below the fold of the settings column: bring it into view, once.
  useEffect(() => table.current?.scrollIntoView({ block: 'nearest' }), [benchmark]);
  return (
    <table className="table benchmark" data-testid="benchmark-table" ref={table}>
      <caption>
        {benchmark.dimension} parameter{benchmark.dimension === 1 ? '' : 's'}; the log density alone takes {formatMicroseconds(benchmark.primalMicroseconds)}
      </caption>
      <thead>
        <tr>
          <th>Backend</th>
          <th className="number" title="Median time of one gradient">Gradient</th>
          <th className="number" title="Gradient time over log-density time">Ratio</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {benchmark.rows.map((row) => {
          const value = backendValueOfLabel(row.label);
          return (
            <tr key={row.label} data-testid="benchmark-row" data-backend={row.label} data-fastest={row.fastest ? 'true' : undefined} className={row.fastest ? 'fastest' : undefined} title={row.fastest ? 'The fastest backend for this model' : undefined}>
              <td>
                {row.label}

              </td>
              {row.microseconds === undefined ? (
                <td colSpan={2} className="muted" title={row.refused}>
                  refused: {row.refused}
                </td>
              ) : (
                <>
                  <td className="number">{formatMicroseconds(row.microseconds)}</td>
                  <td className="number">{row.ratio === undefined ? '—' : `×${row.ratio.toPrecision(2)}`}</td>
                </>
              )}
              <td>
                {row.fastest && value && (
                  <button type="button" className="small" data-testid="benchmark-use" onClick={() => onUse(value)}>
                    Use
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
