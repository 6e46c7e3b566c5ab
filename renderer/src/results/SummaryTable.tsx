import { memo, useState } from 'react';
import type { SummaryRow } from '../../../core/diagnostics/index';
import { useGradualCount } from './gradual-count';
import { useGradualUpdate } from './gradual-update';
import { cellValue, columnLabel, formatSummaryCell, type TableColumn } from './summary-columns';
import type { CellFlags } from './summary-flags';
import { nextOrder, sortRows, type SortOrder } from './summary-sort';

interface Props {
  rows: readonly SummaryRow[];
  columns: readonly TableColumn[];
  flags: CellFlags;
  testId: string;
  rowTestId: string;
  /** The first column's heading (the sampler statistics are not parameters). */
  nameLabel?: string;
}

/**
 * Rows a new table adds, or a refresh updates, per animation frame: a hundred parameters' rows added at
 * once were one task of 60 to 170 ms (style, layout and paint of 1,500 cells), all updated at once 50 to
 * 80 ms; a quarter of them take a frame's worth.
 */
const ROWS_PER_FRAME = 25;

/** A summary sortable by any column; text to sensible precision, the exact value in `data-value`. */
export function SummaryTable({ rows, columns, flags, testId, rowTestId, nameLabel }: Props) {
  const [order, setOrder] = useState<SortOrder | null>(null);
  // Sorted by what is shown, so the order always agrees with the numbers on screen.
  const sorted = sortRows(useGradualUpdate(rows, ROWS_PER_FRAME), order);
  const shown = useGradualCount(sorted.length, ROWS_PER_FRAME);
  return (
    <div className="results-table-scroll">
      <table className="summary-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => {
              const sortedHere = order?.column === column;
              return (
                <th
                  key={column}
                  data-column={column}
                  title={`${columnLabel(column).title} — click to sort`}
                  aria-sort={sortedHere ? (order.descending ? 'descending' : 'ascending') : 'none'}
                  onClick={() => setOrder(nextOrder(order, column))}
                >
                  {column === 'parameter' && nameLabel ? nameLabel : columnLabel(column).label}
                  {sortedHere && <span className="sort-mark">{order.descending ? ' ▼' : ' ▲'}</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, shown).map((row) => (
            <SummaryTableRow key={row.parameter} row={row} columns={columns} flags={flags.get(row.parameter)} testId={rowTestId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const CAPPED = "Capped at S·log10(S), as R's posterior caps it: the draws are antithetic (negatively autocorrelated), where a larger estimate is unstable";

/** A row of its own component: React can pause between rows of a long table, and skips rows that did not change. */
const SummaryTableRow = memo(function SummaryTableRow({ row, columns, flags, testId }: { row: SummaryRow; columns: readonly TableColumn[]; flags: ReadonlyMap<TableColumn, string> | undefined; testId: string }) {
  return (
    <tr data-testid={testId} data-parameter={row.parameter}>
      {columns.map((column) => {
        const flag = flags?.get(column);
        const capped = column === 'ess_bulk' && row.bulkEssCapped;
        return (
          <td key={column} data-column={column} data-value={column === 'parameter' ? row.parameter : String(cellValue(column, row))} data-flag={flag ? column : undefined} data-capped={capped || undefined} title={flag ?? (capped ? CAPPED : undefined)}>
            {formatSummaryCell(column, row)}
          </td>
        );
      })}
    </tr>
  );
});
