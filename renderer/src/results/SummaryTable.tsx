import { memo, useState } from 'react';
import type { SummaryRow } from '../../../core/diagnostics/index';
import { COLUMN_LABELS, formatSummaryCell, type SummaryColumn } from './summary-columns';
import type { CellFlags } from './summary-flags';
import { nextOrder, sortRows, type SortOrder } from './summary-sort';

interface Props {
  rows: readonly SummaryRow[];
  columns: readonly SummaryColumn[];
  flags: CellFlags;
  testId: string;
  rowTestId: string;
  /** The first column's heading (the sampler statistics are not parameters). */
  nameLabel?: string;
}

/** A summary sortable by any column; text to sensible precision, the exact value in `data-value`. */
export function SummaryTable({ rows, columns, flags, testId, rowTestId, nameLabel }: Props) {
  const [order, setOrder] = useState<SortOrder | null>(null);
  const sorted = sortRows(rows, order);
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
                  title={`${COLUMN_LABELS[column].title} — click to sort`}
                  aria-sort={sortedHere ? (order.descending ? 'descending' : 'ascending') : 'none'}
                  onClick={() => setOrder(nextOrder(order, column))}
                >
                  {column === 'parameter' && nameLabel ? nameLabel : COLUMN_LABELS[column].label}
                  {sortedHere && <span className="sort-mark">{order.descending ? ' ▼' : ' ▲'}</span>}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <SummaryTableRow key={row.parameter} row={row} columns={columns} flags={flags.get(row.parameter)} testId={rowTestId} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A row of its own component: React can pause between rows of a long table, and skips rows that did not change. */
const SummaryTableRow = memo(function SummaryTableRow({ row, columns, flags, testId }: { row: SummaryRow; columns: readonly SummaryColumn[]; flags: ReadonlyMap<SummaryColumn, string> | undefined; testId: string }) {
  return (
    <tr data-testid={testId} data-parameter={row.parameter}>
      {columns.map((column) => {
        const flag = flags?.get(column);
        return (
          <td key={column} data-column={column} data-value={column === 'parameter' ? row.parameter : String(row[column])} data-flag={flag ? column : undefined} title={flag}>
            {formatSummaryCell(column, row)}
          </td>
        );
      })}
    </tr>
  );
});
