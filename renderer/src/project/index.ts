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
export { offerAutosave, startProjectTracking, AUTOSAVE_DELAY_MS, type TrackingOptions } from './track-project';
export { windowSession } from './window-session';
export { startMenu, type MenuActions } from './menu';
export { toProject, parseProject, projectText, suggestedProjectName, baseName, PROJECT_SUFFIX } from './project-file';
export { isDirty } from './dirty';
export { readAutosaves, updateAutosave, autosaveToOffer, discardAutosave, autosaveKey, markAlive, endSession, HEARTBEAT_MS, type Autosave, type StoredAutosave } from './autosave';
