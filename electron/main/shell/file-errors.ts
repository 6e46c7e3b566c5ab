const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
};

/** A failed read or write of a file the user chose, said in their terms rather than as an errno. */
export function fileErrorMessage(action: 'open' | 'save', name: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = code === 'ENOENT' ? (action === 'open' ? 'it no longer exists' : 'its folder no longer exists') : (REASONS[code] ?? (error instanceof Error ? error.message : String(error)));
  return `Could not ${action} “${name}”: ${reason}.`;
}
