import Papa from 'papaparse';
import { formatNumber } from './number.js';

/** A header row, quoted by the CSV library where a name needs it (commas, quotes, line breaks). */
export function csvHeader(names: readonly string[]): string {
  return Papa.unparse([names as string[]], { newline: '\n' });
}

/** A small table (a summary, say) as CSV: text cells quoted where needed, numbers round-trip exact. */
export function csvTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((row) => row.map((v) => (typeof v === 'number' ? formatNumber(v) : v)));
  return Papa.unparse({ fields: [...header], data: cells }, { newline: '\n' }) + '\n';
}
