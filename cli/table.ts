/** Columns in a terminal: combining marks (the tilde of θ̃) take no width of their own. */
function width(text: string): number {
  return text.replace(/\p{M}/gu, '').length;
}

/** Left-aligned columns, two spaces in, three between. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => width(r[j] ?? ''))));
  return rows.map((r) => '  ' + r.map((c, j) => c + ' '.repeat(widths[j]! - width(c))).join('   ').trimEnd()).join('\n');
}
