import type { TildeApi } from '../../../runner/api';
import { useDocumentStore, useSettingsStore } from '../document/index';
import { debounce } from '../shared/index';
import { autosaveToOffer, HEARTBEAT_MS, markAlive, updateAutosave } from './autosave';
import { isDirty } from './dirty';
import { currentProject } from './project-actions';
import { useProjectStore } from './project-store';

export const AUTOSAVE_DELAY_MS = 1000;

export interface TrackingOptions {
  /** This window's session: its autosave's key. */
  session: string;
  autosaveDelayMs?: number;
  now?: () => number;
}

/** Offers back the unsaved work an earlier session left, if it differs from where this one starts. */
export function offerAutosave(storage: Storage, session: string, now = Date.now()): void {
  useProjectStore.getState().setAutosaveOffer(autosaveToOffer(storage, session, currentProject(), now));
}

/**
 * Follows every change of the work: whether it is dirty (told to the window, which asks before closing,
 * and shown in the title) and the autosave of unsaved work; says every few seconds that the session lives.
 */
export function startProjectTracking(api: TildeApi, storage: Storage, options: TrackingOptions): () => void {
  const { session, now = Date.now } = options;
  const autosave = debounce((dirty: boolean) => {
    // This session's own earlier work (before a reload) waits for the user's answer; writing would replace it.
    if (useProjectStore.getState().autosaveOffer?.session === session) return;
    const { fileName, path } = useDocumentStore.getState();
    updateAutosave(storage, session, { project: currentProject(), fileName, path }, dirty, now());
  }, options.autosaveDelayMs ?? AUTOSAVE_DELAY_MS);
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
  useProjectStore.getState().setAutosaveTarget({ storage, session });
  const unsubscribes = [useDocumentStore.subscribe(update), useSettingsStore.subscribe(update), useProjectStore.subscribe(update)];
  update();
  markAlive(storage, session, now());
  const heartbeat = setInterval(() => markAlive(storage, session, now()), HEARTBEAT_MS);
  return () => {
    clearInterval(heartbeat);
    useProjectStore.getState().setAutosaveTarget(null);
    autosave.cancel();
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
