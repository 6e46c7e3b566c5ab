import { useEffect, useState } from 'react';

interface Progress<T> {
  readonly rows: readonly T[];
  /** Rows of `rows`, from the first, shown with their own values. */
  readonly done: number;
  /** What each row showed when `rows` arrived; the rows not done yet keep showing it. */
  readonly before: ReadonlyMap<string, T>;
}

function displayed<T extends { readonly parameter: string }>(p: Progress<T>): T[] {
  return p.rows.map((row, i) => (i < p.done ? row : (p.before.get(row.parameter) ?? row)));
}

/**
 * `rows` as a table shows them while they replace the ones it showed: `step` rows take their new
 * values at once and `step` more at each animation frame, the others keep the row object they had (so a
 * memoised row does not render again), and rows new to the table show at once. With every number of a
 * hundred parameters changed at each refresh of a run, updating all rows restyled and laid out 1,200
 * cells in one task (50–80 ms); a slice a frame spreads that over frames.
 */
export function useGradualUpdate<T extends { readonly parameter: string }>(rows: readonly T[], step: number): T[] {
  const [progress, setProgress] = useState<Progress<T>>(() => ({ rows, done: rows.length, before: new Map() }));
  let current = progress;
  if (progress.rows !== rows) {
    // A new version: keep what is on screen now, and start replacing it (React's derived-state pattern).
    current = { rows, done: step, before: new Map(displayed(progress).map((row) => [row.parameter, row])) };
    setProgress(current);
  }
  const { done } = current;
  useEffect(() => {
    if (done >= rows.length) return;
    const frame = requestAnimationFrame(() => setProgress((p) => (p.rows === rows ? { ...p, done: p.done + step } : p)));
    return () => cancelAnimationFrame(frame);
  }, [rows, done, step]);
  return displayed(current);
}
