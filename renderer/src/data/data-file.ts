import type { DataFile } from '../document/index';

/** A data file's format from its suffix, else from its first character (JSON starts with `{` or `[`). */
export function dataFileFrom(name: string, text: string): DataFile {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return { name, text, format: 'csv' };
  if (lower.endsWith('.json')) return { name, text, format: 'json' };
  return { name, text, format: /^\s*[[{]/.test(text) ? 'json' : 'csv' };
}
