import Papa from 'papaparse';

export function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`not a CSV: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

/** Where two CSV texts first differ (row, column name, both cells), or null when they are equal cell for cell. */
export function firstCellDifference(actual: string, expected: string): string | null {
  const a = parseCsv(actual);
  const e = parseCsv(expected);
  if (a.length !== e.length) return `${a.length} rows, expected ${e.length}`;
  const header = e[0] ?? [];
  for (let r = 0; r < e.length; r++) {
    const ra = a[r]!;
    const re = e[r]!;
    if (ra.length !== re.length) return `row ${r + 1} has ${ra.length} cells, expected ${re.length}`;
    for (let c = 0; c < re.length; c++) {
      if (ra[c] !== re[c]) return `row ${r + 1}, column ${header[c] ?? c + 1}: ${ra[c]} where ${re[c]} was expected`;
    }
  }
  return null;
}

/** A summary CSV (`tilde summary --csv`) as parameter → column → number. */
export function summaryTable(text: string): Map<string, Record<string, number>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('an empty summary CSV');
  return new Map(rows.map((row) => [row[0]!, Object.fromEntries(header.slice(1).map((column, i) => [column, Number(row[i + 1])]))]));
}
