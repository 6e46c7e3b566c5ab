import { app, dialog, ipcMain } from 'electron';
import { basename, dirname, join } from 'node:path';
import type { DocumentWindow, DocumentWindows } from './document-windows.js';
import type { RecentFiles } from './recent-files.js';
import {
  fileErrorMessage,
  IpcArgumentError,
  isProjectPath,
  openFilters,
  parseDirtyRequest,
  parseOpenKind,
  parseSaveRequest,
  parseSaveToRequest,
  readTextFile,
  saveFilters,
  writeFileAtomic,
} from './shell/index.js';


/**
 * The main-process side of `window.tilde.files` and `app.setDirty`: native dialogs and atomic writes.
 * Every argument is checked and only our windows' pages are answered; a window may write again only
 * the files its user chose in a dialog, so a compromised page cannot write anywhere else.
 *
 * What the preload sends, one argument each:
 *   ipcRenderer.invoke('tilde:file-save', { file: { name, text }, kind: 'project' | 'csv' | 'svg' })  → path | null
 *   ipcRenderer.invoke('tilde:file-save', { file: { name, base64 }, kind: 'png' })                     → path | null
 *   ipcRenderer.invoke('tilde:file-open', 'project' | 'data' | 'model')                        → { name, text, path? } | null
 *   ipcRenderer.invoke('tilde:file-save-to', { path, text })                                   → undefined
 *   ipcRenderer.send('tilde:set-dirty', { dirty, title })
 * and what it receives: 'tilde:menu' (a MenuCommand) and 'tilde:open-document' (an OpenedDocument).
 */
export function serveFiles(windows: DocumentWindows, recent: RecentFiles): void {
  let lastFolder = app.getPath('documents');

  async function write(entry: DocumentWindow, path: string, content: string | Uint8Array): Promise<void> {
    try {
      await writeFileAtomic(path, content);
    } catch (error) {
      windows.saveAbandoned(entry);
      throw new Error(fileErrorMessage('save', basename(path), error));
    }
  }

  ipcMain.handle('tilde:file-save', async (event, request: unknown) => {
    const entry = windows.sender(event);
    const { file, kind } = parseSaveRequest(request);
    const chosen = await dialog.showSaveDialog(entry.window, { defaultPath: join(lastFolder, file.name), filters: saveFilters(kind), properties: ['createDirectory', 'showOverwriteConfirmation'] });
    if (chosen.canceled || !chosen.filePath) {
      windows.saveAbandoned(entry);
      return null;
    }
    const path = chosen.filePath;
    await write(entry, path, 'bytes' in file ? file.bytes : file.text);
    lastFolder = dirname(path);
    if (kind === 'project') {
      entry.document.allowWrite(path);
      recent.add(path);
    }
    return path;
  });

  ipcMain.handle('tilde:file-open', async (event, request: unknown) => {
    const entry = windows.sender(event);
    const kind = parseOpenKind(request);
    const chosen = await dialog.showOpenDialog(entry.window, { defaultPath: lastFolder, filters: openFilters(kind), properties: ['openFile'] });
    const path = chosen.filePaths[0];
    if (chosen.canceled || !path) return null;
    const file = await readTextFile(path);
    lastFolder = dirname(path);
    if (kind !== 'project' || !isProjectPath(path)) return file;
    entry.document.allowWrite(path);
    recent.add(path);
    return { ...file, path };
  });

  ipcMain.handle('tilde:file-save-to', async (event, request: unknown) => {
    const entry = windows.sender(event);
    const { path, text } = parseSaveToRequest(request);
    if (!entry.document.mayWrite(path)) {
      windows.saveAbandoned(entry);
      // Refused, e.g., for the path of a project brought back from an earlier session's autosave.
      throw new IpcArgumentError(`this window may save only to files chosen in it; use Save As… to choose “${basename(path)}” again`);
    }
    await write(entry, path, text);
    recent.add(path);
  });

  // A notification (the page does not wait): a refused one is reported here, not to the page.
  ipcMain.on('tilde:set-dirty', (event, request: unknown) => {
    try {
      const entry = windows.sender(event);
      const { dirty, title } = parseDirtyRequest(request);
      windows.setDirty(entry, dirty, title);
    } catch (error) {
      console.warn(`Tilde: ${String(error)}`);
    }
  });
}
