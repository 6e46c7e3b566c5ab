// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDocumentStore } from '../document/index';
import { MemoryStorage, resetWorkspace, WorkspaceTilde } from '../testing/index';
import { AUTOSAVE_KEY, currentProject, dismissAutosave, offerAutosave, readAutosave, restoreAutosave, saveProjectAs, startProjectTracking, useProjectStore } from './index';

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

  it('keeps unsaved work a second after the last change and drops it once saved', async () => {
    stop = startProjectTracking(fake.api, storage, 1000);
    useDocumentStore.getState().setSource(SOURCE);
    await vi.advanceTimersByTimeAsync(999);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(readAutosave(storage)).toEqual({ project: currentProject(), fileName: null, path: null });

    await saveProjectAs({ api: fake.api, confirm: () => true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
  });

  it('tells the window whether there are unsaved changes and under which name', async () => {
    stop = startProjectTracking(fake.api, storage, 1000);
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

  it('offers an earlier session’s work back, restores it unsaved, and does not overwrite it while waiting', async () => {
    stop = startProjectTracking(fake.api, storage, 1000);
    useDocumentStore.getState().setSource(SOURCE);
    useDocumentStore.getState().setFile('m.tilde.json', '/p/m.tilde.json');
    await vi.advanceTimersByTimeAsync(1000);
    stop();

    // A new session starts empty.
    resetWorkspace();
    offerAutosave(storage);
    const offer = useProjectStore.getState().autosaveOffer;
    expect(offer?.project.source).toBe(SOURCE);
    expect(offer?.fileName).toBe('m.tilde.json');

    stop = startProjectTracking(fake.api, storage, 1000);
    useDocumentStore.getState().setSource('something else');
    await vi.advanceTimersByTimeAsync(1000);
    expect(readAutosave(storage)?.project.source).toBe(SOURCE);

    restoreAutosave(offer!);
    expect(useDocumentStore.getState()).toMatchObject({ source: SOURCE, fileName: 'm.tilde.json', path: '/p/m.tilde.json' });
    expect(useProjectStore.getState()).toMatchObject({ dirty: true, autosaveOffer: null });
  });

  it('offers nothing when the autosave holds what the session starts with, or cannot be read', () => {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ project: currentProject(), fileName: null, path: null }));
    offerAutosave(storage);
    expect(useProjectStore.getState().autosaveOffer).toBeNull();
    storage.setItem(AUTOSAVE_KEY, '{"project": 3}');
    offerAutosave(storage);
    expect(useProjectStore.getState().autosaveOffer).toBeNull();
  });

  it('forgets the autosave when the offer is dismissed', () => {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ project: { ...currentProject(), source: SOURCE }, fileName: null, path: null }));
    offerAutosave(storage);
    expect(useProjectStore.getState().autosaveOffer).not.toBeNull();
    dismissAutosave(storage);
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    expect(useProjectStore.getState().autosaveOffer).toBeNull();
  });
});
