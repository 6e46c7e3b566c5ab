// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Example } from '../../../runner/api';
import { buildRunRequest, currentDocument, useDocumentStore, useSettingsStore } from '../document/index';
import { useCheckStore } from '../check/index';
import { useGalleryStore } from '../gallery/index';
import { useRunStore } from '../run/index';
import { useNoticeStore } from '../shared/index';
import { MemoryStorage, resetWorkspace, WorkspaceTilde } from '../testing/index';
import { startWorkspace } from './index';

const GDEMO: Example = { id: 'gdemo', title: 'gdemo', source: '@model function gdemo(x)\n    s² ~ InverseGamma(2, 3)\nend\n', data: { name: 'gdemo.json', text: '{"x": [1.5, 2]}', format: 'json' } };

describe('the workspace in the app window', () => {
  let fake: WorkspaceTilde;
  let stop: () => void;

  beforeEach(() => {
    resetWorkspace();
    // The earlier test's run never ends (the fake sends no events).
    useRunStore.setState({ status: 'idle' });
    useGalleryStore.setState({ examples: null, open: false, problem: null });
    fake = new WorkspaceTilde().withApp();
    fake.examples = [GDEMO];
    window.tilde = fake.api;
    stop = startWorkspace(fake.api, new MemoryStorage(), 'window-1');
  });
  afterEach(() => stop());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('opens the example the main process sends, then starts it from the menu with the selector’s settings', async () => {
    fake.openDocument!({ kind: 'example', id: 'gdemo' });
    await settle();
    expect(useDocumentStore.getState()).toMatchObject({ source: GDEMO.source, data: GDEMO.data, fileName: 'gdemo.jl' });

    useSettingsStore.getState().chooseSampler('mh', []);
    useSettingsStore.getState().setSize('chains', 2);
    fake.menu!('run-start');
    await settle();
    expect(fake.started).toEqual([buildRunRequest(currentDocument(), useSettingsStore.getState().settings)]);
    expect(fake.started[0]).toMatchObject({ sampler: { sampler: 'mh', proposal: 'prior' }, chains: 2 });

    fake.menu!('run-start');
    await settle();
    expect(fake.started, 'a second Start while the run goes on starts nothing').toHaveLength(1);
  });

  it('sets up Gibbs blocks once the check names the parameters, when Gibbs was chosen before it did', () => {
    useSettingsStore.getState().chooseSampler('gibbs', []);
    const s = { name: 's', shape: [], support: 'integers', family: 'DiscreteUniform', discrete: true };
    useCheckStore.getState().setReport({ ok: true, diagnostics: [], models: ['m'], arguments: [], parameters: [s] }, GDEMO.source);
    expect(useSettingsStore.getState().settings.sampler).toEqual({ sampler: 'gibbs', blocks: [{ variables: ['s'], sampler: 'mh' }] });
  });

  it('refuses to start with settings that cannot run, saying which', async () => {
    useDocumentStore.getState().setSource(GDEMO.source);
    useSettingsStore.getState().setSize('draws', 0);
    fake.menu!('run-start');
    await settle();
    expect(fake.started).toEqual([]);
    expect(useNoticeStore.getState().notice).toEqual({ kind: 'error', text: 'The run cannot start: Draws must be at least 1, got 0.' });
  });

  it('does not start a model the check found errors in, so the last run’s results stay; a newer check on its way does not stop it', async () => {
    const broken = GDEMO.source.replace('InverseGamma', 'InverseGama');
    useDocumentStore.getState().setSource(broken);
    const error = { from: 17, to: 28, line: 2, column: 10, severity: 'error' as const, message: 'unknown function `InverseGama` — did you mean `InverseGamma`?' };
    useCheckStore.getState().setReport({ ok: false, diagnostics: [error], models: ['gdemo'], arguments: [], parameters: [] }, broken);
    fake.menu!('run-start');
    await settle();
    expect(fake.started).toEqual([]);
    expect(useNoticeStore.getState().notice).toEqual({ kind: 'error', text: "The run cannot start until the model's errors are fixed: line 2: unknown function `InverseGama` — did you mean `InverseGamma`?" });

    // Fixed, and the check of the fix not yet back: the refusal, about the older text, goes, and the old report does not hold the run back.
    useDocumentStore.getState().setSource(GDEMO.source);
    expect(useNoticeStore.getState().notice).toBeNull();
    useCheckStore.getState().setPending();
    fake.menu!('run-start');
    await settle();
    expect(fake.started).toHaveLength(1);
  });

  it('opens a project file the main process sends with its path, and names an unknown example', async () => {
    const project = { format: 'tilde-project', version: 1, source: GDEMO.source, settings: useSettingsStore.getState().settings };
    fake.openDocument!({ kind: 'file', name: 'g.tilde.json', text: JSON.stringify(project), path: '/home/g.tilde.json' });
    expect(useDocumentStore.getState()).toMatchObject({ source: GDEMO.source, fileName: 'g.tilde.json', path: '/home/g.tilde.json' });

    fake.openDocument!({ kind: 'example', id: 'nope' });
    await settle();
    expect(useNoticeStore.getState().notice).toEqual({ kind: 'error', text: 'There is no example called nope.' });
  });
});

describe('the workspace in a browser tab', () => {
  let fake: WorkspaceTilde;
  let stop: () => void;

  beforeEach(() => {
    resetWorkspace();
    useRunStore.setState({ status: 'idle' });
    fake = new WorkspaceTilde();
    window.tilde = fake.api;
    stop = startWorkspace(fake.api, new MemoryStorage(), 'window-1');
  });
  afterEach(() => stop());

  const press = (key: string, init: KeyboardEventInit = { ctrlKey: true }) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    window.dispatchEvent(event);
    return event;
  };

  it('saves on Ctrl+S and runs on Ctrl+Enter instead of the browser’s own actions', async () => {
    useDocumentStore.getState().setSource(GDEMO.source);
    expect(press('s').defaultPrevented).toBe(true);
    press('Enter', { metaKey: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.saved.map((s) => s.file.name)).toEqual(['gdemo.tilde.json']);
    expect(fake.started).toHaveLength(1);
  });

  it('asks before the tab reloads or closes while a run goes on, which leaving would stop, and not otherwise', () => {
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).toBe(false);
    useRunStore.setState({ status: 'running' });
    expect(leave()).toBe(true);
    useRunStore.setState({ status: 'cancelled' });
    expect(leave()).toBe(false);
  });

  it('leaves keys alone without Ctrl or Cmd, and ones the editor already took', () => {
    expect(press('s', {}).defaultPrevented).toBe(false);
    const taken = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true });
    taken.preventDefault();
    window.dispatchEvent(taken);
    expect(fake.started).toHaveLength(0);
  });
});
