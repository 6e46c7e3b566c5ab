import type { Project } from '../../../runner/api';
import { validateProject } from './project-file';
import { isDirty } from './dirty';

export const AUTOSAVE_KEY = 'tilde.autosave';

/** Unsaved work as kept between sessions, with the file it belongs to. */
export interface Autosave {
  project: Project;
  fileName: string | null;
  path: string | null;
}

/** Keeps the work while it is unsaved; once saved there is nothing to offer back, so the autosave goes. */
export function updateAutosave(storage: Storage, autosave: Autosave, dirty: boolean): void {
  if (dirty) storage.setItem(AUTOSAVE_KEY, JSON.stringify(autosave));
  else storage.removeItem(AUTOSAVE_KEY);
}

/** The stored autosave, or null when there is none or it cannot be read (a broken one is not worth an error). */
export function readAutosave(storage: Storage): Autosave | null {
  const text = storage.getItem(AUTOSAVE_KEY);
  if (text === null) return null;
  try {
    const record = JSON.parse(text) as { project?: unknown; fileName?: unknown; path?: unknown };
    const parsed = validateProject(record.project, 'the autosave');
    if (!parsed.ok) return null;
    return {
      project: parsed.project,
      fileName: typeof record.fileName === 'string' ? record.fileName : null,
      path: typeof record.path === 'string' ? record.path : null,
    };
  } catch {
    return null;
  }
}

/** The autosave to offer at start, if it holds anything the starting state lacks. */
export function autosaveToOffer(storage: Storage, starting: Project): Autosave | null {
  const autosave = readAutosave(storage);
  return autosave && isDirty(autosave.project, starting) ? autosave : null;
}

export function discardAutosave(storage: Storage): void {
  storage.removeItem(AUTOSAVE_KEY);
}
