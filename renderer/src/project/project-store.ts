import { create } from 'zustand';
import type { Project } from '../../../runner/api';
import { DEFAULT_SETTINGS, EMPTY_DOCUMENT } from '../document/index';
import type { StoredAutosave } from './autosave';
import { toProject } from './project-file';

export const STARTING_PROJECT: Project = toProject(EMPTY_DOCUMENT, DEFAULT_SETTINGS);

interface ProjectState {
  /** The project as last saved, opened or started: the work is dirty when it differs. */
  saved: Project;
  dirty: boolean;
  /** Unsaved work from an earlier session, offered back until the user decides. */
  autosaveOffer: StoredAutosave | null;
  /** Where this window keeps its autosave, once tracking has started. */
  autosaveTarget: { storage: Storage; session: string } | null;
  markSaved(project: Project): void;
  setDirty(dirty: boolean): void;
  setAutosaveOffer(offer: StoredAutosave | null): void;
  setAutosaveTarget(target: { storage: Storage; session: string } | null): void;
}

export const useProjectStore = create<ProjectState>()((set) => ({
  saved: STARTING_PROJECT,
  dirty: false,
  autosaveOffer: null,
  autosaveTarget: null,
  markSaved: (saved) => set({ saved }),
  setDirty: (dirty) => set({ dirty }),
  setAutosaveOffer: (autosaveOffer) => set({ autosaveOffer }),
  setAutosaveTarget: (autosaveTarget) => set({ autosaveTarget }),
}));
