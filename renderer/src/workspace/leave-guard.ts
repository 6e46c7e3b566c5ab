import { useRunStore } from '../run/index';

/**
 * A browser tab reloads or closes without the app window's prompt, and leaving stops the run with nothing
 * of its draws kept (the model is autosaved; draws are not): while a run goes on, the browser asks first.
 * Returns the removal.
 */
export function startLeaveGuard(target: Window): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (useRunStore.getState().status !== 'running') return;
    event.preventDefault();
    // Browsers that predate preventDefault here ask only when returnValue is set.
    event.returnValue = '';
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
