import type { SummaryRow } from '../../../core/diagnostics/index';
import { cellValue, type TableColumn } from './summary-columns';

export interface SortOrder {
  column: TableColumn;
  descending: boolean;
}

const NAMES = new Intl.Collator('en', { numeric: true });

/** Rows by one column; names in natural order (`θ[2]` before `θ[10]`), NaN last either way. */
export function sortRows(rows: readonly SummaryRow[], order: SortOrder | null): SummaryRow[] {
  if (!order) return [...rows];
  const { column, descending } = order;
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (column === 'parameter') return sign * NAMES.compare(a.parameter, b.parameter);
    const x = cellValue(column, a);
    const y = cellValue(column, b);
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
    return sign * (x - y);
  });
}

/** Clicking a header sorts by it ascending, again descending, a third time back to the engine's order. */
export function nextOrder(current: SortOrder | null, column: TableColumn): SortOrder | null {
  if (current?.column !== column) return { column, descending: false };
  return current.descending ? null : { column, descending: true };
}
