import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronState, type FakeBrowserWindow } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type MenuItem = { label?: string; role?: string; accelerator?: string; click?: () => void; submenu?: MenuItem[] };

function invoke(channel: string, window: FakeBrowserWindow | { webContents: { id: number; mainFrame: unknown } }, ...args: unknown[]): Promise<unknown> {
  const handler = electronState.handlers.get(channel) as Handler | undefined;
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, ...args);
}

function menuItem(menu: string, label: string): MenuItem {
  const item = (electronState.menu as MenuItem[]).find((m) => m.label === menu)?.submenu?.find((i) => i.label === label);
  if (!item) throw new Error(`no ${menu} › ${label}`);
  return item;
}

let first: FakeBrowserWindow;

beforeAll(async () => {
  // The main process's entry, started as the app starts it, against the recorded fake.
  await import('./index.js');
  await vi.waitFor(() => expect(electronState.windows).toHaveLength(1));
  first = electronState.windows[0]!;
});
afterAll(() => rmSync(electronState.app.userData, { recursive: true, force: true }));

describe('the main process, started against a fake Electron', () => {
  it('opens a hardened window on the built renderer', () => {
    expect(first.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(first.loaded).toMatch(/^file:\/\/.*renderer\/index\.html$/);
  });

  it('grants no permission, cancels remote requests, adds the CSP header and refuses navigation and new windows', () => {
    const granted: boolean[] = [];
    electronState.permissionRequestHandler?.(...([null, 'media', (ok: boolean) => granted.push(ok)] as never[]));
    expect(granted).toEqual([false]);
    const cancelled: unknown[] = [];
    electronState.beforeRequest?.(...([{ url: 'https://example.com/x.js' }, (r: unknown) => cancelled.push(r)] as never[]));
    electronState.beforeRequest?.(...([{ url: first.loaded }, (r: unknown) => cancelled.push(r)] as never[]));
    expect(cancelled).toEqual([{ cancel: true }, { cancel: false }]);
    const headers: { responseHeaders: Record<string, string[]> }[] = [];
    electronState.headersReceived?.(...([{ responseHeaders: {} }, (r: { responseHeaders: Record<string, string[]> }) => headers.push(r)] as never[]));
    expect(headers[0]?.responseHeaders['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    expect(first.webContents.fire('will-navigate', 'https://example.com/').defaultPrevented).toBe(true);
    expect(first.webContents.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('installs the menu, whose commands go to the focused window', () => {
    expect((electronState.menu as MenuItem[]).map((m) => m.label)).toEqual(['File', 'Edit', 'Run', 'View', 'Help']);
    menuItem('Run', 'Start').click?.();
    expect(first.webContents.sent.at(-1)).toEqual(['tilde:menu', 'run-start']);
    const examples = menuItem('File', 'Open Example').submenu?.map((i) => i.label);
    expect(examples).toContain('Eight schools');
  });

  it('refuses IPC from anything but our windows, and malformed arguments', async () => {
    const stranger = { webContents: { id: 999, mainFrame: { url: first.loaded, parent: null } } };
    await expect(invoke('tilde:file-open', stranger, 'project')).rejects.toThrow(/did not come from a Tilde window/);
    const iframe = { webContents: { id: first.webContents.id, mainFrame: { url: first.loaded, parent: first.webContents.mainFrame } } };
    await expect(invoke('tilde:file-open', iframe, 'project')).rejects.toThrow(/did not come from a Tilde window/);
    await expect(invoke('tilde:file-open', first, 'exe')).rejects.toThrow(/expected one of project, data, model/);
    await expect(invoke('tilde:file-save', first, { file: { name: '../x', text: '' }, kind: 'csv' })).rejects.toThrow(/not a plain file name/);
  });

  it('saves through the dialog atomically, then lets this window save to that path again, and no other', async () => {
    const path = join(electronState.app.userData, 'model.tilde.json');
    electronState.saveDialogAnswer = { canceled: false, filePath: path };
    expect(await invoke('tilde:file-save', first, { file: { name: 'model.tilde.json', text: '{"v":1}' }, kind: 'project' })).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe('{"v":1}');
    await invoke('tilde:file-save-to', first, { path, text: '{"v":2}' });
    expect(readFileSync(path, 'utf8')).toBe('{"v":2}');
    await expect(invoke('tilde:file-save-to', first, { path: join(electronState.app.userData, 'other.tilde.json'), text: 'x' })).rejects.toThrow(/use Save As…/);
    expect(electronState.app.recentDocuments).toContain(path);
    electronState.saveDialogAnswer = { canceled: true, filePath: '' };
    expect(await invoke('tilde:file-save', first, { file: { name: 'draws.csv', text: 'a\n' }, kind: 'csv' })).toBeNull();
  });

  it('marks unsaved changes in the title and asks before closing; Close Without Saving closes', async () => {
    const setDirty = electronState.listeners.get('tilde:set-dirty') as (event: unknown, request: unknown) => void;
    setDirty({ sender: first.webContents, senderFrame: first.webContents.mainFrame }, { dirty: true, title: 'model.tilde.json' });
    expect(first.title).toBe(process.platform === 'darwin' ? 'model.tilde.json — Tilde' : '● model.tilde.json — Tilde');
    const discard = process.platform === 'darwin' ? 2 : process.platform === 'win32' ? 1 : 0;
    electronState.messageBoxAnswer = discard;
    first.close();
    expect(first.closed).toBe(false);
    await vi.waitFor(() => expect(first.closed).toBe(true));
    expect(electronState.messageBoxes).toHaveLength(1);
  });

  it('File › New opens another window', () => {
    menuItem('File', 'New').click?.();
    expect(electronState.windows.filter((w) => !w.closed)).toHaveLength(1);
    expect(electronState.windows).toHaveLength(2);
  });

  it('File › Open… shows a project in the focused window while it is empty and clean, else in a new window', async () => {
    const second = electronState.windows[1]!;
    const path = join(electronState.app.userData, 'model.tilde.json');
    electronState.openDialogAnswer = { canceled: false, filePaths: [path] };
    menuItem('File', 'Open…').click?.();
    await vi.waitFor(() => expect(second.webContents.sent.at(-1)).toEqual(['tilde:open-document', { kind: 'file', name: 'model.tilde.json', text: '{"v":2}', path }]));
    // The project came with its path: the window may save to it.
    await invoke('tilde:file-save-to', second, { path, text: '{"v":3}' });

    menuItem('File', 'Open Example').submenu?.find((i) => i.label === 'Eight schools')?.click?.();
    expect(electronState.windows).toHaveLength(3);
    const third = electronState.windows[2]!;
    third.webContents.fire('did-finish-load');
    expect(third.webContents.sent).toEqual([['tilde:open-document', { kind: 'example', id: 'eight_schools' }]]);
  });

  it('Save in the close prompt asks the page to save, and closes the window once it reports no unsaved changes', async () => {
    const third = electronState.windows[2]!;
    const setDirty = electronState.listeners.get('tilde:set-dirty') as (event: unknown, request: unknown) => void;
    const from = { sender: third.webContents, senderFrame: third.webContents.mainFrame };
    setDirty(from, { dirty: true, title: 'eight_schools.jl' });
    electronState.messageBoxAnswer = process.platform === 'darwin' || process.platform === 'win32' ? 0 : 2;
    third.close();
    await vi.waitFor(() => expect(third.webContents.sent.at(-1)).toEqual(['tilde:menu', 'save']));
    expect(third.closed).toBe(false);
    setDirty(from, { dirty: false, title: 'eight_schools.tilde.json' });
    expect(third.closed).toBe(true);
  });

  it('remembers where the last window closed, for the next start', async () => {
    const third = electronState.windows[2]!;
    await vi.waitFor(() => expect(JSON.parse(readFileSync(join(electronState.app.userData, 'window-state.json'), 'utf8'))).toEqual({ bounds: third.getNormalBounds(), maximized: false }));
  });
});
