/** Columns in a terminal: combining marks (the tilde of θ̃) take no width of their own. */
function width(text: string): number {
  return text.replace(/\p{M}/gu, '').length;
}

export interface TableLayout {
  /** Spaces before each row. */
  indent?: number;
  /** Spaces between columns. */
  gap?: number;
  /** Columns from this index on are right-aligned (numbers); the ones before, left-aligned. */
  rightAlignFrom?: number;
}

/** Aligned columns; by default left-aligned, two spaces in, three between; `(none)` for no rows. */
export function table(rows: string[][], { indent = 2, gap = 3, rightAlignFrom = Infinity }: TableLayout = {}): string {
  if (rows.length === 0) return `${' '.repeat(indent)}(none)`;
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => width(r[j] ?? ''))));
  const pad = (c: string, j: number): string => {
    const fill = ' '.repeat(widths[j]! - width(c));
    return j < rightAlignFrom ? c + fill : fill + c;
  };
  return rows.map((r) => ' '.repeat(indent) + r.map(pad).join(' '.repeat(gap)).trimEnd()).join('\n');
}
