import type { Example, Project, TildeApi } from '../../../runner/api';
import { currentDocument, DEFAULT_SETTINGS, EMPTY_DOCUMENT, useDocumentStore, useSettingsStore } from '../document/index';
import { errorMessage, showError } from '../shared/index';
import { tilde } from '../tilde';
import { discardAutosave, type StoredAutosave } from './autosave';
import { baseName, parseProject, projectText, suggestedProjectName, toProject } from './project-file';
import { useProjectStore } from './project-store';

/** How the actions reach the outside: the API and the user's answer to a question. */
export interface ProjectIo {
  api: TildeApi;
  confirm(question: string): boolean;
}

function defaultIo(): ProjectIo {
  return { api: tilde(), confirm: (question) => window.confirm(question) };
}

export function currentProject(): Project {
  return toProject(currentDocument(), useSettingsStore.getState().settings);
}

function showProject(project: Project, fileName: string | null, path: string | null): void {
  useDocumentStore.getState().replace({ source: project.source, data: project.data, modelName: project.modelName ?? null, fileName, path });
  useSettingsStore.getState().replace(project.settings);
}

/** Makes `project` the work, as saved: it is clean until edited. */
function adoptProject(project: Project, fileName: string | null, path: string | null): void {
  showProject(project, fileName, path);
  useProjectStore.getState().markSaved(project);
}

/** True when there is nothing unsaved to lose, or the user agrees to lose it. */
export function confirmDiscard(io: ProjectIo): boolean {
  if (!useProjectStore.getState().dirty) return true;
  const name = useDocumentStore.getState().fileName ?? 'the untitled model';
  return io.confirm(`Discard the unsaved changes to ${name}?`);
}

export function newProject(io: ProjectIo = defaultIo()): void {
  if (confirmDiscard(io)) adoptProject(toProject(EMPTY_DOCUMENT, DEFAULT_SETTINGS), null, null);
}

/** An example's model and data, keeping the run settings the user chose; saving it makes a new project. */
export function openExample(example: Example, io: ProjectIo = defaultIo()): boolean {
  if (!confirmDiscard(io)) return false;
  adoptProject(toProject({ source: example.source, data: example.data }, useSettingsStore.getState().settings), `${example.id}.jl`, null);
  return true;
}

export async function openProject(io: ProjectIo = defaultIo()): Promise<void> {
  if (!confirmDiscard(io)) return;
  try {
    const file = await io.api.files.open('project');
    if (file) openProjectFile(file);
  } catch (e) {
    showError(`The project could not be opened: ${errorMessage(e)}`);
  }
}

/**
 * A file the user chose to open: a project (with its path in the app, so Save writes it again) or a bare
 * model (`.jl`), which keeps the current data and settings and is saved as a new project.
 */
export function openProjectFile(file: { name: string; text: string; path?: string }): void {
  if (/\.jl$/i.test(file.name)) {
    adoptProject(toProject({ source: file.text, data: useDocumentStore.getState().data }, useSettingsStore.getState().settings), file.name, null);
    return;
  }
  const parsed = parseProject(file.text, file.name);
  if (parsed.ok) adoptProject(parsed.project, file.name, file.path ?? null);
  else showError(parsed.message);
}

/** Saves where the project came from without asking (app only), else asks where. */
export async function saveProject(io: ProjectIo = defaultIo()): Promise<void> {
  const { path } = useDocumentStore.getState();
  const saveTo = io.api.files.saveTo;
  if (path === null || !saveTo) return saveProjectAs(io);
  const project = currentProject();
  try {
    await saveTo(path, projectText(project));
    useProjectStore.getState().markSaved(project);
  } catch (e) {
    showError(`The project could not be saved to ${path}: ${errorMessage(e)}`);
  }
}

export async function saveProjectAs(io: ProjectIo = defaultIo()): Promise<void> {
  const project = currentProject();
  const { fileName, source } = useDocumentStore.getState();
  try {
    const where = await io.api.files.save({ name: suggestedProjectName(fileName, source), text: projectText(project) }, 'project');
    if (where === null) return;
    // Web mode downloads: there is no path to save to again, only the name the download got.
    useDocumentStore.getState().setFile(baseName(where), io.api.files.saveTo ? where : null);
    useProjectStore.getState().markSaved(project);
  } catch (e) {
    showError(`The project could not be saved: ${errorMessage(e)}`);
  }
}

/**
 * Brings back an earlier session's unsaved work; it stays unsaved (dirty) until saved, and this window's
 * own autosave takes it over.
 */
export function restoreAutosave(offer: StoredAutosave): void {
  const { project, fileName, path } = offer.autosave;
  showProject(project, fileName, path);
  const target = useProjectStore.getState().autosaveTarget;
  if (target && offer.session !== target.session) discardAutosave(target.storage, offer.session);
  useProjectStore.getState().setAutosaveOffer(null);
}

export function dismissAutosave(offer: StoredAutosave): void {
  const target = useProjectStore.getState().autosaveTarget;
  if (target) discardAutosave(target.storage, offer.session);
  useProjectStore.getState().setAutosaveOffer(null);
}
