import { app, BrowserWindow, dialog, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import type { MenuCommand, OpenedDocument } from '../../runner/api.js';
import { closeChoice, closePrompt, IpcArgumentError, isTrustedSender, MIN_SIZE, windowTitle, WindowDocument, type AppPages } from './shell/index.js';
import { nextWindowPlacement, rememberPlacement } from './window-placement.js';

export interface DocumentWindow {
  window: BrowserWindow;
  document: WindowDocument;
}

/**
 * The app's windows, one document each. Knows which web contents are ours (IPC from anything else is
 * refused), asks before a window with unsaved changes closes, and hands windows the documents the
 * menu opens.
 */
export class DocumentWindows {
  private readonly windows = new Map<number, DocumentWindow>();
  /**
   * Set when the user quits, until they answer Cancel: a close prompt stops the quit, so each window
   * that closes after its prompt (saved or not) resumes it.
   */
  private quitting = false;
  /** Windows showing the close prompt. */
  private readonly asking = new Set<DocumentWindow>();

  constructor(
    private readonly pages: AppPages,
    private readonly preload: string,
  ) {
    app.on('before-quit', () => (this.quitting = true));
  }

  /** Opens a window, beside `from` when given, and shows `document` in it once its page has loaded. */
  open(document?: OpenedDocument, from?: BrowserWindow): DocumentWindow {
    const placement = nextWindowPlacement(from);
    const window = new BrowserWindow({
      ...placement.bounds,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      title: 'Tilde',
      show: false,
      webPreferences: {
        preload: this.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        // A middle click on a link would otherwise open it in a new window, past the window-open handler.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const entry: DocumentWindow = { window, document: new WindowDocument() };
    const id = window.webContents.id;
    this.windows.set(id, entry);
    // The page's <title> must not replace the document name and unsaved-changes marker set here.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.once('ready-to-show', () => {
      if (placement.maximized) window.maximize();
      window.show();
    });
    window.on('close', (event) => {
      if (!entry.document.dirty) return rememberPlacement(window);
      event.preventDefault();
      // A quit asks every window to close: one already asking is not asked twice. One waiting for its
      // save is asked again, so that a save that never finishes cannot leave a window that will not close.
      if (this.asking.has(entry)) return;
      entry.document.closeAfterSave = false;
      void this.askBeforeClosing(entry);
    });
    window.on('closed', () => this.windows.delete(id));
    if (document) window.webContents.once('did-finish-load', () => this.show(entry, document));
    if (this.pages.devServer) void window.loadURL(this.pages.devServer);
    else void window.loadFile(this.pages.rendererFile);
    return entry;
  }

  /** The window that menu commands go to. */
  focused(): DocumentWindow | undefined {
    const window = BrowserWindow.getFocusedWindow();
    return window ? this.windows.get(window.webContents.id) : undefined;
  }

  /** Sends a menu command to the focused window's page; without a focused window there is nobody to act. */
  sendCommand(command: MenuCommand): void {
    this.focused()?.window.webContents.send('tilde:menu', command);
  }

  /** Shows `document` in a window that has loaded its page. */
  show(entry: DocumentWindow, document: OpenedDocument): void {
    entry.document.markHoldsDocument();
    if (document.kind === 'file' && document.path) entry.document.allowWrite(document.path);
    entry.window.webContents.send('tilde:open-document', document);
    entry.window.focus();
  }

  /**
   * The window an IPC call came from, when it is the main frame of one of our windows showing the
   * app's page; anything else is refused.
   */
  sender(event: IpcMainInvokeEvent | IpcMainEvent): DocumentWindow {
    const entry = isTrustedSender(event, (id) => this.windows.has(id), this.pages) ? this.windows.get(event.sender.id) : undefined;
    if (!entry) throw new IpcArgumentError('refused: the call did not come from a Tilde window');
    return entry;
  }

  /** The page reported whether its document has unsaved changes, and its name. */
  setDirty(entry: DocumentWindow, dirty: boolean, title: string): void {
    entry.document.dirty = dirty;
    entry.document.title = title;
    entry.window.setTitle(windowTitle(title, dirty, process.platform));
    if (process.platform === 'darwin') entry.window.setDocumentEdited(dirty);
    if (!dirty && entry.document.closeAfterSave) this.closeAfterSave(entry);
  }

  private async askBeforeClosing(entry: DocumentWindow): Promise<void> {
    const prompt = closePrompt(entry.document.title, process.platform);
    this.asking.add(entry);
    const { response } = await dialog.showMessageBox(entry.window, { type: 'warning', noLink: true, ...prompt.box }).finally(() => this.asking.delete(entry));
    switch (closeChoice(prompt, response)) {
      case 'save':
        entry.document.closeAfterSave = true;
        entry.window.webContents.send('tilde:menu', 'save' satisfies MenuCommand);
        return;
      case 'discard':
        entry.document.dirty = false;
        this.closeAndResumeQuit(entry);
        return;
      case 'cancel':
        this.quitting = false;
        return;
    }
  }

  /** A save did not happen (its dialog was cancelled, or the write failed): a window waiting to close after it stays open. */
  saveAbandoned(entry: DocumentWindow): void {
    entry.document.closeAfterSave = false;
    this.quitting = false;
  }

  private closeAfterSave(entry: DocumentWindow): void {
    entry.document.closeAfterSave = false;
    this.closeAndResumeQuit(entry);
  }

  private closeAndResumeQuit(entry: DocumentWindow): void {
    entry.window.close();
    if (this.quitting) app.quit();
  }
}
