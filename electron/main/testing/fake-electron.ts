/**
 * Just enough of Electron's main-process API, recorded, to start the shell in Node (the Electron
 * binary is not available on build machines): tests drive the registered IPC handlers, menu items and
 * window events and look at what the shell did with them.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

type Listener = (...args: never[]) => unknown;

class Emitter extends EventEmitter {
  /** Emits like Electron: the listeners get an event whose preventDefault is recorded. */
  fire(name: string, ...args: unknown[]): { defaultPrevented: boolean } {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit(name, event, ...args);
    return event;
  }
}

let nextContentsId = 1;
/** The window with focus (a holder, since windows set it to themselves). */
const focus: { window: FakeBrowserWindow | null } = { window: null };
const windows: FakeBrowserWindow[] = [];

class FakeWebContents extends Emitter {
  readonly id = nextContentsId++;
  readonly sent: [string, unknown][] = [];
  readonly mainFrame = { url: '', parent: null };
  send(channel: string, value: unknown): void {
    this.sent.push([channel, value]);
  }
  setWindowOpenHandler(handler: () => unknown): void {
    this.windowOpenHandler = handler;
  }
  windowOpenHandler?: () => unknown;
}

export class FakeBrowserWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  title = '';
  closed = false;
  loaded = '';
  constructor(readonly options: Record<string, unknown>) {
    super();
    windows.push(this);
    focus.window = this;
    electronState.app.emit('web-contents-created', {}, this.webContents);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return focus.window;
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return windows.filter((w) => !w.closed);
  }
  loadFile(file: string): Promise<void> {
    this.loaded = `file://${file}`;
    this.webContents.mainFrame.url = this.loaded;
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setDocumentEdited(): void {}
  getNormalBounds() {
    const { x, y, width, height } = this.options as { x: number; y: number; width: number; height: number };
    return { x, y, width, height };
  }
  isMaximized(): boolean {
    return false;
  }
  maximize(): void {}
  show(): void {}
  focus(): void {
    focus.window = this;
  }
  /** Like Electron: a close that no listener prevents destroys the window. */
  close(): void {
    if (this.fire('close').defaultPrevented) return;
    this.closed = true;
    if (focus.window === this) focus.window = null;
    this.emit('closed');
  }
}

const handlers = new Map<string, Listener>();
const listeners = new Map<string, Listener>();

/** What the fake recorded, and the answers its dialogs give next. */
export const electronState = {
  app: Object.assign(new Emitter(), {
    userData: mkdtempSync(join(tmpdir(), 'tilde-user-data-')),
    recentDocuments: [] as string[],
    quitCalls: 0,
  }),
  windows,
  handlers,
  listeners,
  menu: null as unknown,
  permissionRequestHandler: null as Listener | null,
  beforeRequest: null as Listener | null,
  headersReceived: null as Listener | null,
  saveDialogAnswer: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  openDialogAnswer: { canceled: true, filePaths: [] as string[] },
  messageBoxAnswer: 0,
  messageBoxes: [] as unknown[],
};

export const app = {
  enableSandbox: () => undefined,
  on: (name: string, listener: (...args: unknown[]) => void) => electronState.app.on(name, listener),
  whenReady: () => Promise.resolve(),
  getAppPath: () => join(import.meta.dirname, '../../..'),
  getPath: () => electronState.app.userData,
  getVersion: () => '0.1.0',
  isPackaged: false,
  quit: () => void electronState.app.quitCalls++,
  addRecentDocument: (path: string) => void electronState.app.recentDocuments.push(path),
  clearRecentDocuments: () => void (electronState.app.recentDocuments.length = 0),
};

export const BrowserWindow = FakeBrowserWindow;

export const ipcMain = {
  handle: (channel: string, handler: Listener) => void handlers.set(channel, handler),
  on: (channel: string, listener: Listener) => void listeners.set(channel, listener),
};

export const dialog = {
  showSaveDialog: () => Promise.resolve(electronState.saveDialogAnswer),
  showOpenDialog: () => Promise.resolve(electronState.openDialogAnswer),
  showMessageBox: (_window: unknown, options: unknown) => {
    electronState.messageBoxes.push(options);
    return Promise.resolve({ response: electronState.messageBoxAnswer, checkboxChecked: false });
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu: (menu: unknown) => void (electronState.menu = menu),
};

const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
export const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea }),
  getAllDisplays: () => [{ id: 1, workArea }],
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Listener) => void (electronState.permissionRequestHandler = handler),
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    webRequest: {
      onBeforeRequest: (listener: Listener) => void (electronState.beforeRequest = listener),
      onHeadersReceived: (listener: Listener) => void (electronState.headersReceived = listener),
    },
  },
};

export const shell = { openPath: () => Promise.resolve('') };
export class MessageChannelMain {}
/** Electron's `process.parentPort` in a utility process: messages as `{ data }` events, replies by postMessage. */
const PARENT_PORT = `data:text/javascript,process.parentPort = { postMessage: (m) => process.send(m), on: (e, l) => process.on('message', (data) => l({ data })) };`;

/**
 * `utilityProcess.fork` as the spawner uses it, backed by a Node child that runs the module electron-vite
 * built (out/main/…; the shell asks for it beside its own source here) with `process.parentPort` set up
 * as Electron sets it, so the worker takes its utility-process branch. Messages are structured clones
 * both ways, as with Electron.
 */
export const utilityProcess = {
  fork(modulePath: string, args: string[]) {
    const child = fork(join(import.meta.dirname, '../../../out/main', basename(modulePath)), args, {
      execArgv: ['--import', PARENT_PORT],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const events = new EventEmitter();
    child.on('message', (m) => events.emit('message', m));
    child.on('exit', (code) => events.emit('exit', code ?? -1));
    return {
      pid: child.pid,
      stderr: child.stderr,
      postMessage: (m: unknown) => child.send(m as never),
      on: (event: 'message' | 'exit', listener: (arg: unknown) => void) => events.on(event, listener),
      kill: () => child.kill(),
    };
  },
};
