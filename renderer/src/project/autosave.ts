import type { Project } from '../../../runner/api';
import { validateProject } from './project-file';
import { isDirty } from './dirty';

/**
 * Each window (or browser tab) keeps its unsaved work under its own session's key, and says every few
 * seconds that it is alive: at start, only work of sessions that stopped saying so (a crash, a closed
 * tab) or of this same session (a reload) is offered back, never another open window's.
 */
const AUTOSAVE_PREFIX = 'tilde.autosave.';
const ALIVE_PREFIX = 'tilde.alive.';
export const HEARTBEAT_MS = 5000;
const SILENT_AFTER_MS = 3 * HEARTBEAT_MS;

/** Unsaved work as kept between sessions, with the file it belongs to. */
export interface Autosave {
  project: Project;
  fileName: string | null;
  path: string | null;
}

/** An autosave found in storage, with the session that left it. */
export interface StoredAutosave {
  session: string;
  savedAt: number;
  autosave: Autosave;
}

export function autosaveKey(session: string): string {
  return AUTOSAVE_PREFIX + session;
}

/** Keeps the work while it is unsaved; once saved there is nothing to offer back, so the autosave goes. */
export function updateAutosave(storage: Storage, session: string, autosave: Autosave, dirty: boolean, now: number): void {
  if (dirty) storage.setItem(autosaveKey(session), JSON.stringify({ ...autosave, savedAt: now }));
  else storage.removeItem(autosaveKey(session));
}

export function markAlive(storage: Storage, session: string, now: number): void {
  storage.setItem(ALIVE_PREFIX + session, String(now));
}

/** A session that closes normally is no longer alive, and its work no longer to be offered. */
export function endSession(storage: Storage, session: string, keepWork: boolean): void {
  storage.removeItem(ALIVE_PREFIX + session);
  if (!keepWork) storage.removeItem(autosaveKey(session));
}

function readAutosave(storage: Storage, key: string): StoredAutosave | null {
  try {
    const record = JSON.parse(storage.getItem(key) ?? 'null') as { project?: unknown; fileName?: unknown; path?: unknown; savedAt?: unknown } | null;
    if (!record) return null;
    const parsed = validateProject(record.project, 'the autosave');
    if (!parsed.ok) return null;
    return {
      session: key.slice(AUTOSAVE_PREFIX.length),
      savedAt: typeof record.savedAt === 'number' ? record.savedAt : 0,
      autosave: { project: parsed.project, fileName: typeof record.fileName === 'string' ? record.fileName : null, path: typeof record.path === 'string' ? record.path : null },
    };
  } catch {
    // A broken autosave is not worth an error: there is nothing in it to restore.
    return null;
  }
}

/** Every readable autosave in storage, newest first. */
export function readAutosaves(storage: Storage): StoredAutosave[] {
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k?.startsWith(AUTOSAVE_PREFIX) ?? false);
  return keys
    .map((key) => readAutosave(storage, key))
    .filter((a): a is StoredAutosave => a !== null)
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** The newest autosave of this session or of one no longer alive that holds anything the starting state lacks. */
export function autosaveToOffer(storage: Storage, session: string, starting: Project, now: number): StoredAutosave | null {
  const silent = (other: string) => now - Number(storage.getItem(ALIVE_PREFIX + other) ?? 0) > SILENT_AFTER_MS;
  return readAutosaves(storage).find((a) => (a.session === session || silent(a.session)) && isDirty(a.autosave.project, starting)) ?? null;
}

export function discardAutosave(storage: Storage, session: string): void {
  storage.removeItem(autosaveKey(session));
}
