const SESSION_KEY = 'tilde.session';

/**
 * This window's session id: kept in sessionStorage, so a reload keeps it (and finds its own autosave)
 * while every other window or tab, and a window reopened after a crash, gets a new one.
 */
export function windowSession(sessionStorage: Storage): string {
  const known = sessionStorage.getItem(SESSION_KEY);
  if (known) return known;
  // getRandomValues, unlike randomUUID, needs no secure context.
  const session = Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('-');
  sessionStorage.setItem(SESSION_KEY, session);
  return session;
}
