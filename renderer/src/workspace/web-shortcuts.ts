import { openProject, saveProject } from '../project/index';
import { runWorkspace } from './run-workspace';

type Shortcut = { key: string; action: () => void };

const SHORTCUTS: readonly Shortcut[] = [
  { key: 's', action: () => void saveProject() },
  { key: 'o', action: () => void openProject() },
  { key: 'Enter', action: runWorkspace },
];

/**
 * In a browser the app menu's accelerators are missing: Ctrl/Cmd+S, +O and +Enter do what they do in the
 * app (instead of saving the page), and a file dropped outside the data panel does not replace the page.
 * Returns the removal.
 */
export function startWebShortcuts(target: Window): () => void {
  const onKey = (event: KeyboardEvent) => {
    // The editor handles its own Ctrl+Enter and marks the event as taken.
    if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const shortcut = SHORTCUTS.find((s) => s.key === (event.key.length === 1 ? event.key.toLowerCase() : event.key));
    if (!shortcut) return;
    event.preventDefault();
    shortcut.action();
  };
  const keepPage = (event: DragEvent) => event.preventDefault();
  target.addEventListener('keydown', onKey);
  target.addEventListener('dragover', keepPage);
  target.addEventListener('drop', keepPage);
  return () => {
    target.removeEventListener('keydown', onKey);
    target.removeEventListener('dragover', keepPage);
    target.removeEventListener('drop', keepPage);
  };
}
