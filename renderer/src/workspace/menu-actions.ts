import type { MenuActions } from '../project/index';
import { newProject, openProject, saveProject, saveProjectAs } from '../project/index';
import { useGalleryStore } from '../gallery/index';
import { exportDraws, exportSummary } from '../results/index';
import { useRunStore } from '../run/index';
import { useBenchmarkStore } from '../settings/index';
import { runWorkspace } from './run-workspace';

/** What each application-menu command does: the same as its button. */
export const MENU_ACTIONS: MenuActions = {
  new: () => newProject(),
  open: () => void openProject(),
  'open-example': () => void useGalleryStore.getState().show(),
  save: () => void saveProject(),
  'save-as': () => void saveProjectAs(),
  'export-draws': () => void exportDraws('wide'),
  'export-summary': () => void exportSummary(),
  'run-start': runWorkspace,
  'run-stop': () => void useRunStore.getState().stop(),
  benchmark: () => void useBenchmarkStore.getState().run(),
};
