/** How many files File › Open Recent lists. */
export const RECENT_FILES_KEPT = 10;

/** `path` first, without its earlier occurrence, at most `kept` entries. */
export function addRecentFile(list: readonly string[], path: string, kept = RECENT_FILES_KEPT): string[] {
  return [path, ...list.filter((p) => p !== path)].slice(0, kept);
}

/** The entries whose files still exist, in order. */
export function withoutMissing(list: readonly string[], exists: (path: string) => boolean): string[] {
  return list.filter(exists);
}

/**
 * The list as stored in userData; anything that is not a list of absolute paths (a hand-edited or
 * truncated file) yields what can be kept of it rather than an error: the menu must still open.
 */
export function parseRecentFiles(text: string, isAbsolute: (path: string) => boolean, kept = RECENT_FILES_KEPT): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const paths = value.filter((p): p is string => typeof p === 'string' && p.length > 0 && isAbsolute(p));
  return [...new Set(paths)].slice(0, kept);
}
