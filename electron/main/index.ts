import { app, BrowserWindow } from 'electron';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { installApplicationMenu } from './application-menu.js';
import { DocumentWindows } from './document-windows.js';
import { serveFiles } from './files-ipc.js';
import { menuActions } from './menu-actions.js';
import { RecentFiles } from './recent-files.js';
import { serveRuns } from './runs.js';
import { confineWebContents, hardenSession } from './security.js';
import { exampleEntries, type AppPages } from './shell/index.js';

const devServer = process.env['ELECTRON_RENDERER_URL'];
const pages: AppPages = { rendererFile: join(import.meta.dirname, '../renderer/index.html'), ...(devServer ? { devServer } : {}) };
const examplesFolder = join(app.getAppPath(), 'resources', 'examples');

function examples(): { id: string; title: string }[] {
  try {
    return exampleEntries(readdirSync(examplesFolder));
  } catch {
    return [];
  }
}

// Every renderer sandboxed, whatever a window's own preferences say; set before the app is ready.
app.enableSandbox();
confineWebContents();

void app.whenReady().then(() => {
  hardenSession(pages);
  const runs = serveRuns(pages);
  // Not before-quit: a window's "Cancel" in the unsaved-changes prompt can still stop the quit.
  app.on('will-quit', () => runs.cancelAll());
  const windows = new DocumentWindows(pages, join(import.meta.dirname, '../preload/index.cjs'));
  const recent = new RecentFiles(() => updateMenu());
  const act = menuActions({ windows, recent, referenceFile: join(app.getAppPath(), 'docs', 'model-language.md') });
  function updateMenu(): void {
    installApplicationMenu({ platform: process.platform, packaged: app.isPackaged, examples: examples(), recent: recent.existing() }, act);
  }
  updateMenu();
  serveFiles(windows, recent);
  windows.open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) windows.open();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
