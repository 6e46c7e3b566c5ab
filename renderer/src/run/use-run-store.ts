import { tilde } from '../tilde';
import { createRunStore } from './run-store';

/** The workbench's one run store: usable in components as a hook and elsewhere through getState(). */
export const useRunStore = createRunStore({ api: tilde, frame: (callback) => requestAnimationFrame(callback) });
