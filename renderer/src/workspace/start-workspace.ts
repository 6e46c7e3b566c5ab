import type { TildeApi } from '../../../runner/api';
import { startChecking, useCheckStore } from '../check/index';
import { gibbsBlocksForModel, useSettingsStore } from '../document/index';
import { endSession, offerAutosave, startMenu, startProjectTracking } from '../project/index';
import { MENU_ACTIONS } from './menu-actions';
import { openDocument } from './open-document';
import { startLeaveGuard } from './leave-guard';
import { startWebShortcuts } from './web-shortcuts';

/**
 * Connects the stores to the engine, the window and the autosave (in `storage`, under this window's
 * `session`); returns the disconnection.
 */
export function startWorkspace(api: TildeApi, storage: Storage, session: string): () => void {
  // The offer comes first: tracking would otherwise replace this session's autosave from before a reload.
  offerAutosave(storage, session);
  const stopTracking = startProjectTracking(api, storage, { session });
  // Closing the app's window normally went through its Save / Don't Save prompt, so nothing is left to
  // offer; a browser tab closes without asking, so its work is kept.
  const onPageHide = () => endSession(storage, session, !api.app);
  window.addEventListener('pagehide', onPageHide);
  const stopChecking = startChecking(api);
  const stopFittingBlocks = useCheckStore.subscribe((check, previous) => {
    if (check.report === previous.report || !check.report) return;
    const fitted = gibbsBlocksForModel(useSettingsStore.getState().settings.sampler, check.report.parameters);
    if (fitted) useSettingsStore.getState().setSampler(fitted);
  });
  startMenu(api, MENU_ACTIONS);
  api.app?.onOpenDocument?.((document) => void openDocument(document, api));
  const stopShortcuts = api.app ? () => undefined : startWebShortcuts(window);
  // The app's window asks before it closes (Electron's own beforeunload would block the close without a word).
  const stopLeaveGuard = api.app ? () => undefined : startLeaveGuard(window);
  return () => {
    window.removeEventListener('pagehide', onPageHide);
    stopLeaveGuard();
    stopShortcuts();
    stopFittingBlocks();
    stopChecking();
    stopTracking();
  };
}
