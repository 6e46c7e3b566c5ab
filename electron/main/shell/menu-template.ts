import type { MenuCommand } from '../../../runner/api.js';

/** What choosing a menu item does: a command for the focused window's page, or the main process's own business. */
export type MenuAction =
  | { type: 'command'; command: MenuCommand }
  | { type: 'new-window' }
  | { type: 'open' }
  | { type: 'open-example'; id: string }
  | { type: 'open-recent'; path: string }
  | { type: 'clear-recent' }
  | { type: 'about' }
  | { type: 'model-language' };

/** Electron's built-in behaviours the menu uses (a subset of its MenuItem roles). */
export type MenuRole =
  | 'appMenu'
  | 'editMenu'
  | 'windowMenu'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen';

export type MenuItemSpec =
  | { separator: true }
  | { label: string; accelerator?: string; action: MenuAction }
  /** A greyed-out line saying why a submenu is empty. */
  | { label: string; enabled: false }
  | { label?: string; accelerator?: string; role: MenuRole }
  | { label: string; submenu: MenuItemSpec[] };

export interface MenuSpec {
  label: string;
  role?: 'appMenu' | 'editMenu' | 'windowMenu' | 'help';
  submenu?: MenuItemSpec[];
}

export interface MenuState {
  platform: string;
  /** Reload and the developer tools are for development builds only. */
  packaged: boolean;
  examples: readonly { id: string; title: string }[];
  /** Newest first, absolute paths. */
  recent: readonly string[];
}

const separator = { separator: true } as const;

function command(label: string, command: MenuCommand, accelerator?: string): MenuItemSpec {
  return accelerator ? { label, accelerator, action: { type: 'command', command } } : { label, action: { type: 'command', command } };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Recent files by name, with the full path where two share a name. */
export function recentLabels(paths: readonly string[]): string[] {
  return paths.map((path) => (paths.filter((other) => baseName(other) === baseName(path)).length > 1 ? path : baseName(path)));
}

function recentSubmenu(recent: readonly string[]): MenuItemSpec[] {
  if (recent.length === 0) return [{ label: 'No Recent Files', enabled: false }];
  const labels = recentLabels(recent);
  return [...recent.map((path, i): MenuItemSpec => ({ label: labels[i] ?? path, action: { type: 'open-recent', path } })), separator, { label: 'Clear Menu', action: { type: 'clear-recent' } }];
}

function examplesSubmenu(examples: MenuState['examples']): MenuItemSpec[] {
  if (examples.length === 0) return [{ label: 'No Examples Found', enabled: false }];
  return examples.map(({ id, title }) => ({ label: title, action: { type: 'open-example', id } }));
}

/**
 * The application menu as data (Electron turns it into a Menu in menu.ts): File, Edit, Run, View and
 * Help everywhere, plus the application and Window menus macOS users expect, where About and Quit live.
 */
export function menuTemplate(state: MenuState): MenuSpec[] {
  const mac = state.platform === 'darwin';
  const about: MenuItemSpec = { label: 'About Tilde', action: { type: 'about' } };
  const quit: MenuItemSpec = { label: mac ? 'Quit Tilde' : 'Quit', accelerator: 'CmdOrCtrl+Q', role: 'quit' };
  const file: MenuItemSpec[] = [
    { label: 'New', accelerator: 'CmdOrCtrl+N', action: { type: 'new-window' } },
    { label: 'Open…', accelerator: 'CmdOrCtrl+O', action: { type: 'open' } },
    { label: 'Open Example', submenu: examplesSubmenu(state.examples) },
    { label: 'Open Recent', submenu: recentSubmenu(state.recent) },
    separator,
    command('Save', 'save', 'CmdOrCtrl+S'),
    command('Save As…', 'save-as', 'Shift+CmdOrCtrl+S'),
    separator,
    command('Export Draws…', 'export-draws', 'CmdOrCtrl+E'),
    command('Export Summary…', 'export-summary', 'Shift+CmdOrCtrl+E'),
    ...(mac ? [] : [separator, quit]),
  ];
  const run: MenuItemSpec[] = [
    command('Start', 'run-start', 'CmdOrCtrl+Enter'),
    command('Stop', 'run-stop', 'CmdOrCtrl+.'),
    separator,
    command('Benchmark Backends', 'benchmark', 'Shift+CmdOrCtrl+B'),
  ];
  const view: MenuItemSpec[] = [
    ...(state.packaged ? [] : [{ role: 'reload' as const }, { role: 'forceReload' as const }, { role: 'toggleDevTools' as const }, separator]),
    { label: 'Actual Size', accelerator: 'CmdOrCtrl+0', role: 'resetZoom' },
    { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', role: 'zoomIn' },
    { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', role: 'zoomOut' },
    separator,
    { label: 'Toggle Full Screen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11', role: 'togglefullscreen' },
  ];
  const help: MenuItemSpec[] = [{ label: 'Model Language Reference', action: { type: 'model-language' } }, ...(mac ? [] : [separator, about])];
  return [
    ...(mac ? [{ label: 'Tilde', submenu: [about, separator, { role: 'services' as const }, separator, { role: 'hide' as const }, { role: 'hideOthers' as const }, { role: 'unhide' as const }, separator, quit] }] : []),
    { label: 'File', submenu: file },
    { label: 'Edit', role: 'editMenu' },
    { label: 'Run', submenu: run },
    { label: 'View', submenu: view },
    ...(mac ? [{ label: 'Window', role: 'windowMenu' as const }] : []),
    { label: 'Help', role: 'help', submenu: help },
  ];
}
