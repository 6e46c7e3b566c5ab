import { beforeEach, describe, expect, it } from 'vitest';
import { useDocumentStore, useSettingsStore } from '../document/index';
import { useNoticeStore } from '../shared/index';
import { resetWorkspace, WorkspaceTilde } from '../testing/index';
import { isDirty, newProject, openProject, openProjectFile, parseProject, projectText, saveProject, saveProjectAs, currentProject, useProjectStore, suggestedProjectName } from './index';

const SOURCE = '@model function coin(y)\n    p ~ Beta(1, 1)\n    y ~ Binomial(10, p)\nend\n';
const DATA = { name: 'coin.json', text: '{"y": 7}', format: 'json' as const };

function edit(): void {
  useDocumentStore.getState().setSource(SOURCE);
  useDocumentStore.getState().setData(DATA);
  useSettingsStore.getState().chooseSampler('hmc', []);
  useSettingsStore.getState().setSize('seed', 42);
  useSettingsStore.getState().setAd('reversediff:compile');
}

const dirty = () => isDirty(currentProject(), useProjectStore.getState().saved);

describe('project files', () => {
  beforeEach(resetWorkspace);

  it('saves the model, data and settings, and opens them back as they were', async () => {
    const fake = new WorkspaceTilde();
    const io = { api: fake.api, confirm: () => true };
    edit();
    const before = currentProject();
    expect(dirty()).toBe(true);
    await saveProjectAs(io);
    expect(fake.saved).toHaveLength(1);
    const { file, kind } = fake.saved[0]!;
    expect(kind).toBe('project');
    expect(file.name).toBe('coin.tilde.json');
    expect(JSON.parse(file.text)).toEqual({ format: 'tilde-project', version: 1, source: SOURCE, data: DATA, settings: before.settings });
    expect(useDocumentStore.getState().fileName).toBe('model.tilde.json');
    expect(dirty()).toBe(false);

    newProject(io);
    expect(useDocumentStore.getState().source).toBe('');
    fake.toOpen = { name: 'coin.tilde.json', text: file.text };
    await openProject(io);
    expect(currentProject()).toEqual(before);
    expect(useDocumentStore.getState().fileName).toBe('coin.tilde.json');
    expect(dirty()).toBe(false);
  });

  it('saves again to the same path without a dialog in the app', async () => {
    const fake = new WorkspaceTilde().withApp();
    const io = { api: fake.api, confirm: () => true };
    edit();
    await saveProject(io);
    expect(fake.saved).toHaveLength(1);
    expect(useDocumentStore.getState().path).toBe('/projects/model.tilde.json');
    useDocumentStore.getState().setSource(`${SOURCE}# more\n`);
    await saveProject(io);
    expect(fake.saved).toHaveLength(1);
    expect(fake.savedTo).toEqual([{ path: '/projects/model.tilde.json', text: projectText(currentProject()) }]);
    expect(dirty()).toBe(false);
  });

  it('writes an opened project back to the path the app gave, and saves a bare model as a new project', async () => {
    const fake = new WorkspaceTilde().withApp();
    const io = { api: fake.api, confirm: () => true };
    edit();
    openProjectFile({ name: 'c.tilde.json', text: projectText(currentProject()), path: '/home/c.tilde.json' });
    await saveProject(io);
    expect(fake.savedTo.map((s) => s.path)).toEqual(['/home/c.tilde.json']);

    openProjectFile({ name: 'gdemo.jl', text: '@model function gdemo(x) end' });
    expect(useDocumentStore.getState()).toMatchObject({ source: '@model function gdemo(x) end', data: DATA, fileName: 'gdemo.jl', path: null });
    await saveProject(io);
    expect(fake.saved.map((s) => s.file.name)).toEqual(['gdemo.tilde.json']);
  });

  it('stays dirty when the save dialog is cancelled', async () => {
    const fake = new WorkspaceTilde();
    fake.saveAs = null;
    edit();
    await saveProjectAs({ api: fake.api, confirm: () => true });
    expect(dirty()).toBe(true);
    expect(useDocumentStore.getState().fileName).toBeNull();
  });

  it('asks before discarding unsaved work, and keeps it when the answer is no', async () => {
    const fake = new WorkspaceTilde();
    fake.toOpen = { name: 'other.tilde.json', text: projectText({ format: 'tilde-project', version: 1, source: 'x', settings: currentProject().settings }) };
    edit();
    useProjectStore.getState().setDirty(true);
    const questions: string[] = [];
    await openProject({ api: fake.api, confirm: (q) => (questions.push(q), false) });
    expect(questions).toEqual(['Discard the unsaved changes to the untitled model?']);
    expect(useDocumentStore.getState().source).toBe(SOURCE);
  });

  it('refuses a file that is not a project with a message naming it and the problem', async () => {
    const fake = new WorkspaceTilde();
    fake.toOpen = { name: 'data.json', text: '{"y": [1, 2]}' };
    edit();
    await openProject({ api: fake.api, confirm: () => true });
    expect(useNoticeStore.getState().notice).toEqual({ kind: 'error', text: 'data.json cannot be opened: it is not a Tilde project (no "format": "tilde-project")' });
    expect(useDocumentStore.getState().source).toBe(SOURCE);
  });
});

describe('parseProject', () => {
  it('names what is wrong', () => {
    expect(parseProject('{', 'a.tilde.json')).toMatchObject({ ok: false, message: expect.stringMatching(/^a\.tilde\.json is not JSON: /) });
    expect(parseProject('{"format":"tilde-project","version":2}', 'b')).toEqual({ ok: false, message: 'b cannot be opened: its version 2 is not one this Tilde reads (1)' });
    const noSampler = { format: 'tilde-project', version: 1, source: '', settings: { ad: 'auto', sampler: { sampler: 'slice' }, chains: 1, draws: 1, warmup: 1, seed: 1 } };
    expect(parseProject(JSON.stringify(noSampler), 'c')).toMatchObject({ ok: false, message: expect.stringContaining('`settings.sampler` must name a sampler') });
    // Every sampler the selector offers is named, ADVI among them, and a saved ADVI run reads back.
    expect(parseProject(JSON.stringify(noSampler), 'c')).toMatchObject({ message: expect.stringMatching(/\(nuts, .*advi.*\)$/) });
    const advi = { ...noSampler, settings: { ...noSampler.settings, sampler: { sampler: 'advi', family: 'fullrank', samplesPerStep: 10 } } };
    expect(parseProject(JSON.stringify(advi), 'c')).toMatchObject({ ok: true, project: { settings: { sampler: { sampler: 'advi', family: 'fullrank' } } } });
    const settings = { ad: 'auto', sampler: { sampler: 'nuts' }, chains: 1, draws: 1, warmup: 1, seed: 1 };
    const withInit = (init: unknown) => parseProject(JSON.stringify({ format: 'tilde-project', version: 1, source: '', settings: { ...settings, init } }), 'd');
    expect(withInit('{"σ": 1}')).toMatchObject({ ok: true, project: { settings: { init: '{"σ": 1}' } } });
    expect(withInit({ σ: 1 })).toMatchObject({ ok: false, message: expect.stringContaining('`settings.init` must be the initial values’ JSON text') });
    const withQuantiles = (quantiles: unknown) => parseProject(JSON.stringify({ format: 'tilde-project', version: 1, source: '', settings: { ...settings, quantiles } }), 'e');
    expect(withQuantiles('2.5, 97.5')).toMatchObject({ ok: true, project: { settings: { quantiles: '2.5, 97.5' } } });
    expect(withQuantiles([2.5, 97.5])).toMatchObject({ ok: false, message: expect.stringContaining('`settings.quantiles` must be the summary’s quantiles as typed') });
  });

  it('proposes a name from the file or the model', () => {
    expect(suggestedProjectName(null, SOURCE)).toBe('coin.tilde.json');
    expect(suggestedProjectName('mine.tilde.json', SOURCE)).toBe('mine.tilde.json');
    expect(suggestedProjectName(null, '')).toBe('untitled.tilde.json');
  });
});
