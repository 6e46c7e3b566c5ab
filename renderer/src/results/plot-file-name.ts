import { baseName } from './parameter-names';

export type ImageFormat = 'png' | 'svg';

/** Characters no file name may hold on some system (and the save IPC refuses path separators and controls). */
const UNSAFE = /[/\\:*?"<>|\s\u0000-\u001f\u007f]+/g;

/**
 * A saved plot's file name: the plot, then what it shows, joined by hyphens (`['trace', 'μ']` →
 * `trace-μ.png`, `['pair', 'θ[1]', 'τ']` → `pair-θ[1]-τ.svg`). Names keep their Greek letters and
 * brackets, which every file system takes; whatever some would refuse becomes `_`.
 */
export function plotFileName(parts: readonly (string | null | undefined)[], format: ImageFormat): string {
  const stem = parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim().replace(UNSAFE, '_'))
    .join('-');
  return `${stem || 'plot'}.${format}`;
}

/**
 * What an intervals plot shows, for its file name: the array its rows are elements of (`θ[1]`, `θ[2]` → `θ`),
 * else `scalars` (a scalar's plot shows every scalar), or the one variable it shows.
 */
export function intervalsSubject(rows: readonly string[]): string | null {
  const bases = new Set(rows.map(baseName));
  if (bases.size === 1) return [...bases][0]!;
  return rows.length > 1 ? 'scalars' : null;
}
