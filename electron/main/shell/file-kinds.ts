import type { OpenKind, SaveKind } from './ipc-arguments.js';

export interface FileFilter {
  name: string;
  extensions: string[];
}

const PROJECT_SUFFIX = '.tilde.json';

const project: FileFilter = { name: 'Tilde project', extensions: ['tilde.json'] };
const model: FileFilter = { name: 'Julia model', extensions: ['jl'] };
const allFiles: FileFilter = { name: 'All files', extensions: ['*'] };

const SAVED: Record<SaveKind, FileFilter> = {
  project,
  csv: { name: 'CSV', extensions: ['csv'] },
  svg: { name: 'SVG image', extensions: ['svg'] },
  png: { name: 'PNG image', extensions: ['png'] },
};

/** The save dialog's filters for what is being saved: its kind only, so the name keeps the suffix its content has. */
export function saveFilters(kind: SaveKind): FileFilter[] {
  return [SAVED[kind]];
}

/** The open dialog's filters: the kind's files first, then everything (a data file may lack its suffix). */
export function openFilters(kind: OpenKind | 'document'): FileFilter[] {
  switch (kind) {
    case 'project':
      return [project, allFiles];
    case 'data':
      return [{ name: 'Data (JSON or CSV)', extensions: ['json', 'csv'] }, allFiles];
    case 'model':
      return [model, allFiles];
    case 'document':
      // File › Open…: a saved project, or a bare model to start one from.
      return [{ name: 'Tilde project or Julia model', extensions: ['tilde.json', 'jl'] }, project, model];
  }
}

/** A project file may be saved over again by the window that opened it; a bare model is never overwritten by a project. */
export function isProjectPath(path: string): boolean {
  return path.toLowerCase().endsWith(PROJECT_SUFFIX);
}
