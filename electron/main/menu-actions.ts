import { app, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { OpenedDocument } from '../../runner/api.js';
import type { DocumentWindows } from './document-windows.js';
import type { RecentFiles } from './recent-files.js';
import { isProjectPath, openFilters, readTextFile, type MenuAction } from './shell/index.js';

export interface MenuActionContext {
  windows: DocumentWindows;
  recent: RecentFiles;
  /** The model language's reference, a local file: Help opens nothing remote. */
  referenceFile: string;
}

function messageBox(window: BrowserWindow | undefined, options: MessageBoxOptions): Promise<unknown> {
  return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
}

/** What the menu's items do, for the ones the main process handles itself (the rest go to the focused page). */
export function menuActions({ windows, recent, referenceFile }: MenuActionContext): (action: MenuAction) => void {
  /** Into the focused window when it holds nothing yet, else into a new one: nothing the user has is replaced. */
  function showDocument(document: OpenedDocument): void {
    const focused = windows.focused();
    if (focused?.document.emptyAndClean) windows.show(focused, document);
    else windows.open(document, focused?.window);
  }

  async function openFile(path: string): Promise<void> {
    try {
      const file = await readTextFile(path);
      showDocument({ kind: 'file', ...file, ...(isProjectPath(path) ? { path } : {}) });
      recent.add(path);
    } catch (error) {
      recent.forgetMissing();
      await messageBox(windows.focused()?.window, { type: 'error', message: 'The file could not be opened.', detail: (error as Error).message });
    }
  }

  async function chooseAndOpen(): Promise<void> {
    const window = windows.focused()?.window;
    const options = { filters: openFilters('document'), properties: ['openFile' as const] };
    const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const path = chosen.filePaths[0];
    if (!chosen.canceled && path) await openFile(path);
  }

  async function openReference(): Promise<void> {
    const problem = await shell.openPath(referenceFile);
    if (problem) await messageBox(windows.focused()?.window, { type: 'error', message: 'The model language reference could not be opened.', detail: problem });
  }

  return (action) => {
    switch (action.type) {
      case 'command':
        return windows.sendCommand(action.command);
      case 'new-window':
        return void windows.open(undefined, windows.focused()?.window);
      case 'open':
        return void chooseAndOpen();
      case 'open-recent':
        return void openFile(action.path);
      case 'open-example':
        return showDocument({ kind: 'example', id: action.id });
      case 'clear-recent':
        return recent.clear();
      case 'about':
        return void messageBox(windows.focused()?.window, {
          type: 'info',
          title: 'About Tilde',
          message: `Tilde ${app.getVersion()}`,
          detail: `A workbench for Bayesian models written in Turing.jl’s modelling language.\n\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node.js ${process.versions.node}`,
        });
      case 'model-language':
        return void openReference();
    }
  };
}
