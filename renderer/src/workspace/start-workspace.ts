import type { TildeApi } from '../../../runner/api';
import { startChecking } from '../check/index';
import { offerAutosave, startMenu, startProjectTracking } from '../project/index';
import { MENU_ACTIONS } from './menu-actions';
import { openDocument } from './open-document';
import { startWebShortcuts } from './web-shortcuts';

/** Connects the stores to the engine, the window and the autosave; returns the disconnection. */
export function startWorkspace(api: TildeApi, storage: Storage): () => void {
  // The offer comes first: tracking would otherwise replace the earlier session's autosave.
  offerAutosave(storage);
  const stopTracking = startProjectTracking(api, storage);
  const stopChecking = startChecking(api);
  startMenu(api, MENU_ACTIONS);
  api.app?.onOpenDocument?.((document) => void openDocument(document, api));
  const stopShortcuts = api.app ? () => undefined : startWebShortcuts(window);
  return () => {
    stopShortcuts();
    stopChecking();
    stopTracking();
  };
}
