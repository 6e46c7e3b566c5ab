export { ProjectBar } from './ProjectBar';
export { AutosaveBanner } from './AutosaveBanner';
export {
  newProject,
  openProject,
  saveProject,
  saveProjectAs,
  openExample,
  openProjectFile,
  restoreAutosave,
  dismissAutosave,
  confirmDiscard,
  currentProject,
  type ProjectIo,
} from './project-actions';
export { useProjectStore, STARTING_PROJECT } from './project-store';
export { offerAutosave, startProjectTracking, AUTOSAVE_DELAY_MS } from './track-project';
export { startMenu, type MenuActions } from './menu';
export { toProject, parseProject, projectText, suggestedProjectName, baseName, PROJECT_SUFFIX } from './project-file';
export { isDirty } from './dirty';
export { readAutosave, updateAutosave, autosaveToOffer, discardAutosave, AUTOSAVE_KEY, type Autosave } from './autosave';
