const SESSION_KEY = 'tilde.session';

/**
 * This window's session id: kept in sessionStorage, so a reload keeps it (and finds its own autosave)
 * while every other window or tab, and a window reopened after a crash, gets a new one.
 */
export function windowSession(sessionStorage: Storage): string {
  const known = sessionStorage.getItem(SESSION_KEY);
  if (known) return known;
  const session = crypto.randomUUID();
  sessionStorage.setItem(SESSION_KEY, session);
  return session;
}
