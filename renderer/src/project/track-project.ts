import type { TildeApi } from '../../../runner/api';
import { useDocumentStore, useSettingsStore } from '../document/index';
import { debounce } from '../shared/index';
import { autosaveToOffer, updateAutosave } from './autosave';
import { isDirty } from './dirty';
import { currentProject } from './project-actions';
import { useProjectStore } from './project-store';

export const AUTOSAVE_DELAY_MS = 1000;

/** Offers back the unsaved work an earlier session left, if it differs from where this one starts. */
export function offerAutosave(storage: Storage): void {
  useProjectStore.getState().setAutosaveOffer(autosaveToOffer(storage, currentProject()));
}

/**
 * Follows every change of the work: whether it is dirty (told to the window, which asks before closing,
 * and shown in the title) and the autosave of unsaved work.
 */
export function startProjectTracking(api: TildeApi, storage: Storage, autosaveDelayMs = AUTOSAVE_DELAY_MS): () => void {
  const autosave = debounce((dirty: boolean) => {
    // An earlier session's work waits for the user's answer; writing now would replace it.
    if (useProjectStore.getState().autosaveOffer) return;
    const { fileName, path } = useDocumentStore.getState();
    updateAutosave(storage, { project: currentProject(), fileName, path }, dirty);
  }, autosaveDelayMs);
  let reported = '';
  const update = () => {
    const project = useProjectStore.getState();
    const dirty = isDirty(currentProject(), project.saved);
    if (dirty !== project.dirty) project.setDirty(dirty);
    const title = useDocumentStore.getState().fileName ?? 'Untitled';
    if (`${dirty}${title}` !== reported) {
      reported = `${dirty}${title}`;
      api.app?.setDirty(dirty, title);
      document.title = `${dirty ? '● ' : ''}${title} — Tilde`;
    }
    autosave(dirty);
  };
  const unsubscribes = [useDocumentStore.subscribe(update), useSettingsStore.subscribe(update), useProjectStore.subscribe(update)];
  update();
  return () => {
    autosave.cancel();
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
