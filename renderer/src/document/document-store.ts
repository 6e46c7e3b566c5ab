import { create } from 'zustand';
import type { Project } from '../../../runner/api';

export type DataFile = NonNullable<Project['data']>;

/** What the user is editing: the model and its data, and where they were last saved. */
export interface WorkspaceDocument {
  source: string;
  data: DataFile | undefined;
  /** The `@model` chosen among several in the file; null runs the last one. */
  modelName: string | null;
  /** The project file's name, or null while untitled. */
  fileName: string | null;
  /** Where the app saved or opened it (Electron only): saving again goes there without a dialog. */
  path: string | null;
}

interface DocumentActions {
  setSource(source: string): void;
  setData(data: DataFile | undefined): void;
  setModelName(modelName: string | null): void;
  /** Replaces the whole document (a new, opened or example project); the file identity goes with it. */
  replace(document: WorkspaceDocument): void;
  setFile(fileName: string | null, path: string | null): void;
}

export const EMPTY_DOCUMENT: WorkspaceDocument = { source: '', data: undefined, modelName: null, fileName: null, path: null };

export const useDocumentStore = create<WorkspaceDocument & DocumentActions>()((set) => ({
  ...EMPTY_DOCUMENT,
  setSource: (source) => set({ source }),
  setData: (data) => set({ data }),
  setModelName: (modelName) => set({ modelName }),
  replace: (document) => set({ ...document }),
  setFile: (fileName, path) => set({ fileName, path }),
}));

/** The document's fields without the store's actions, e.g. for building a request or a project. */
export function currentDocument(): WorkspaceDocument {
  const { source, data, modelName, fileName, path } = useDocumentStore.getState();
  return { source, data, modelName, fileName, path };
}
