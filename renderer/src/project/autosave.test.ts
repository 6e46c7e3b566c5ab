// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDocumentStore } from '../document/index';
import { MemoryStorage, resetWorkspace, WorkspaceTilde } from '../testing/index';
import {
  autosaveKey,
  currentProject,
  dismissAutosave,
  endSession,
  HEARTBEAT_MS,
  offerAutosave,
  readAutosaves,
  restoreAutosave,
  saveProjectAs,
  startProjectTracking,
  useProjectStore,
  windowSession,
} from './index';

const SOURCE = '@model function m()\n    x ~ Normal()\nend\n';

describe('autosave', () => {
  let storage: MemoryStorage;
  let fake: WorkspaceTilde;
  let stop: () => void = () => undefined;

  beforeEach(() => {
    vi.useFakeTimers();
    resetWorkspace();
    storage = new MemoryStorage();
    fake = new WorkspaceTilde().withApp();
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  /** A window's session: edits `source` and lets its autosave be written. */
  async function windowWithWork(session: string, source: string): Promise<void> {
    stop = startProjectTracking(fake.api, storage, { session, autosaveDelayMs: 1000 });
    useDocumentStore.getState().setSource(source);
    useDocumentStore.getState().setFile('m.tilde.json', '/p/m.tilde.json');
    await vi.advanceTimersByTimeAsync(1000);
  }

  /** The same storage seen by a window that starts now (empty, clean). */
  function newWindow(session: string): void {
    stop();
    resetWorkspace();
    offerAutosave(storage, session, Date.now());
    stop = startProjectTracking(fake.api, storage, { session, autosaveDelayMs: 1000 });
  }

  it('keeps unsaved work a second after the last change, under the window’s session, and drops it once saved', async () => {
    stop = startProjectTracking(fake.api, storage, { session: 'a', autosaveDelayMs: 1000 });
    useDocumentStore.getState().setSource(SOURCE);
    await vi.advanceTimersByTimeAsync(999);
    expect(storage.getItem(autosaveKey('a'))).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(readAutosaves(storage)).toEqual([{ session: 'a', savedAt: Date.now(), autosave: { project: currentProject(), fileName: null, path: null } }]);

    await saveProjectAs({ api: fake.api, confirm: () => true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.getItem(autosaveKey('a'))).toBeNull();
  });

  it('tells the window whether there are unsaved changes and under which name', async () => {
    stop = startProjectTracking(fake.api, storage, { session: 'a' });
    useDocumentStore.getState().setSource(SOURCE);
    await saveProjectAs({ api: fake.api, confirm: () => true });
    expect(fake.dirtyReports).toEqual([
      { dirty: false, title: 'Untitled' },
      { dirty: true, title: 'Untitled' },
      { dirty: true, title: 'model.tilde.json' },
      { dirty: false, title: 'model.tilde.json' },
    ]);
    expect(document.title).toBe('model.tilde.json — Tilde');
  });

  it('offers a reloaded window its own work back, keeps it while the user decides, and restores it unsaved', async () => {
    await windowWithWork('a', SOURCE);
    newWindow('a');
    const offer = useProjectStore.getState().autosaveOffer!;
    expect(offer.session).toBe('a');
    expect(offer.autosave).toMatchObject({ fileName: 'm.tilde.json', path: '/p/m.tilde.json' });
    expect(offer.autosave.project.source).toBe(SOURCE);

    useDocumentStore.getState().setSource('something else');
    await vi.advanceTimersByTimeAsync(1000);
    expect(readAutosaves(storage).map((a) => a.autosave.project.source)).toEqual([SOURCE]);

    restoreAutosave(offer);
    expect(useDocumentStore.getState()).toMatchObject({ source: SOURCE, fileName: 'm.tilde.json', path: '/p/m.tilde.json' });
    expect(useProjectStore.getState()).toMatchObject({ dirty: true, autosaveOffer: null });
  });

  it('does not offer the work of another window that is still open, but does once it has gone silent', async () => {
    await windowWithWork('a', SOURCE);
    newWindow('b');
    expect(useProjectStore.getState().autosaveOffer).toBeNull();

    // Window a is gone (newWindow stopped its tracking, as a crash would); b's heartbeat goes on.
    await vi.advanceTimersByTimeAsync(4 * HEARTBEAT_MS);
    newWindow('c');
    const offer = useProjectStore.getState().autosaveOffer!;
    expect(offer.session).toBe('a');
    restoreAutosave(offer);
    // c's own autosave now holds the work; a's is gone, so it is not offered twice.
    await vi.advanceTimersByTimeAsync(1000);
    expect(readAutosaves(storage).map((a) => a.session)).toEqual(['c']);
  });

  it('offers nothing when the autosave holds what the window starts with, or cannot be read', () => {
    storage.setItem(autosaveKey('a'), JSON.stringify({ project: currentProject(), fileName: null, path: null, savedAt: 1 }));
    storage.setItem(autosaveKey('b'), '{"project": 3}');
    storage.setItem(autosaveKey('c'), '{');
    offerAutosave(storage, 'z', Date.now());
    expect(useProjectStore.getState().autosaveOffer).toBeNull();
  });

  it('forgets the autosave when the offer is dismissed', async () => {
    await windowWithWork('a', SOURCE);
    newWindow('a');
    dismissAutosave(useProjectStore.getState().autosaveOffer!);
    expect(storage.getItem(autosaveKey('a'))).toBeNull();
    expect(useProjectStore.getState().autosaveOffer).toBeNull();
  });

  it('keeps a browser tab’s work when it closes, but not an app window’s, which asked to save', async () => {
    await windowWithWork('tab', SOURCE);
    endSession(storage, 'tab', true);
    expect(storage.getItem(autosaveKey('tab'))).not.toBeNull();
    endSession(storage, 'tab', false);
    expect(storage.getItem(autosaveKey('tab'))).toBeNull();
  });
});

describe('windowSession', () => {
  it('keeps one id per window across reloads and gives another window its own', () => {
    const tab = new MemoryStorage();
    const first = windowSession(tab);
    expect(windowSession(tab)).toBe(first);
    expect(windowSession(new MemoryStorage())).not.toBe(first);
  });
});
