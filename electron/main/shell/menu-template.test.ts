import { describe, expect, it } from 'vitest';
import { menuOptions, menuTemplate, recentLabels, type MenuAction, type MenuItemSpec, type MenuSpec, type MenuState } from './index.js';

const state: MenuState = {
  platform: 'linux',
  packaged: true,
  examples: [
    { id: 'eight_schools', title: 'Eight schools' },
    { id: 'coinflip', title: 'Coinflip' },
  ],
  recent: ['/home/u/a/model.tilde.json', '/home/u/other.tilde.json', '/home/u/b/model.tilde.json'],
};

function menu(template: MenuSpec[], label: string): MenuItemSpec[] {
  const found = template.find((m) => m.label === label);
  if (!found) throw new Error(`no ${label} menu`);
  return found.submenu ?? [];
}

function item(items: MenuItemSpec[], label: string): MenuItemSpec {
  const found = items.find((i) => 'label' in i && i.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
}

function labels(items: MenuItemSpec[]): (string | undefined)[] {
  return items.filter((i) => !('separator' in i)).map((i) => ('label' in i ? i.label : undefined));
}

describe('the application menu', () => {
  it('has File, Edit, Run, View and Help, in that order', () => {
    expect(menuTemplate(state).map((m) => m.label)).toEqual(['File', 'Edit', 'Run', 'View', 'Help']);
    expect(menuTemplate({ ...state, platform: 'darwin' }).map((m) => m.label)).toEqual(['Tilde', 'File', 'Edit', 'Run', 'View', 'Window', 'Help']);
  });

  it('has every File item of the issue with its accelerator and what it does', () => {
    const file = menu(menuTemplate(state), 'File');
    expect(labels(file)).toEqual(['New', 'Open…', 'Open Example', 'Open Recent', 'Save', 'Save As…', 'Export Draws…', 'Export Summary…', 'Quit']);
    expect(item(file, 'New')).toEqual({ label: 'New', accelerator: 'CmdOrCtrl+N', action: { type: 'new-window' } });
    expect(item(file, 'Open…')).toEqual({ label: 'Open…', accelerator: 'CmdOrCtrl+O', action: { type: 'open' } });
    expect(item(file, 'Save')).toEqual({ label: 'Save', accelerator: 'CmdOrCtrl+S', action: { type: 'command', command: 'save' } });
    expect(item(file, 'Save As…')).toEqual({ label: 'Save As…', accelerator: 'Shift+CmdOrCtrl+S', action: { type: 'command', command: 'save-as' } });
    expect(item(file, 'Export Draws…')).toEqual({ label: 'Export Draws…', accelerator: 'CmdOrCtrl+E', action: { type: 'command', command: 'export-draws' } });
    expect(item(file, 'Export Summary…')).toEqual({ label: 'Export Summary…', accelerator: 'Shift+CmdOrCtrl+E', action: { type: 'command', command: 'export-summary' } });
    expect(item(file, 'Quit')).toEqual({ label: 'Quit', accelerator: 'CmdOrCtrl+Q', role: 'quit' });
  });

  it('lists every example, and the recent files newest first with a way to clear them', () => {
    const file = menu(menuTemplate(state), 'File');
    expect(item(file, 'Open Example')).toEqual({
      label: 'Open Example',
      submenu: [
        { label: 'Eight schools', action: { type: 'open-example', id: 'eight_schools' } },
        { label: 'Coinflip', action: { type: 'open-example', id: 'coinflip' } },
      ],
    });
    const recent = item(file, 'Open Recent');
    expect('submenu' in recent && recent.submenu).toEqual([
      { label: '/home/u/a/model.tilde.json', action: { type: 'open-recent', path: '/home/u/a/model.tilde.json' } },
      { label: 'other.tilde.json', action: { type: 'open-recent', path: '/home/u/other.tilde.json' } },
      { label: '/home/u/b/model.tilde.json', action: { type: 'open-recent', path: '/home/u/b/model.tilde.json' } },
      { separator: true },
      { label: 'Clear Menu', action: { type: 'clear-recent' } },
    ]);
  });

  it('says so, greyed out, when there are no recent files or examples', () => {
    const file = menu(menuTemplate({ ...state, recent: [], examples: [] }), 'File');
    expect(item(file, 'Open Recent')).toEqual({ label: 'Open Recent', submenu: [{ label: 'No Recent Files', enabled: false }] });
    expect(item(file, 'Open Example')).toEqual({ label: 'Open Example', submenu: [{ label: 'No Examples Found', enabled: false }] });
  });

  it('has Run › Start (Ctrl/Cmd+Enter), Stop and Benchmark Backends, each a command for the window', () => {
    const run = menu(menuTemplate(state), 'Run');
    expect(run.filter((i) => !('separator' in i))).toEqual([
      { label: 'Start', accelerator: 'CmdOrCtrl+Enter', action: { type: 'command', command: 'run-start' } },
      { label: 'Stop', accelerator: 'CmdOrCtrl+.', action: { type: 'command', command: 'run-stop' } },
      { label: 'Benchmark Backends', accelerator: 'Shift+CmdOrCtrl+B', action: { type: 'command', command: 'benchmark' } },
    ]);
  });

  it('offers reload and the developer tools only in development builds; zoom and full screen always', () => {
    const roles = (s: MenuState) => menu(menuTemplate(s), 'View').flatMap((i) => ('role' in i ? [i.role] : []));
    expect(roles(state)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles({ ...state, packaged: false })).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('has About Tilde under Help, or in the application menu on macOS with Quit, and local documentation only', () => {
    const help = menu(menuTemplate(state), 'Help');
    expect(item(help, 'About Tilde')).toEqual({ label: 'About Tilde', action: { type: 'about' } });
    expect(item(help, 'Model Language Reference')).toEqual({ label: 'Model Language Reference', action: { type: 'model-language' } });
    const mac = menuTemplate({ ...state, platform: 'darwin' });
    expect(labels(menu(mac, 'Tilde'))).toContain('About Tilde');
    expect(labels(menu(mac, 'Tilde'))).toContain('Quit Tilde');
    expect(labels(menu(mac, 'File'))).not.toContain('Quit');
    expect(labels(menu(mac, 'Help'))).toEqual(['Model Language Reference']);
  });

  it('labels recent files by name unless two share one', () => {
    expect(recentLabels(['/a/x.jl', '/b/y.jl', 'C:\\c\\x.jl'])).toEqual(['/a/x.jl', 'y.jl', 'C:\\c\\x.jl']);
  });
});

describe('the menu as Electron options', () => {
  type Options = { label?: string; role?: string; accelerator?: string; enabled?: boolean; type?: string; click?: () => void; submenu?: Options[] };
  const chosen: MenuAction[] = [];
  const options = menuOptions(menuTemplate(state), (action) => chosen.push(action)) as Options[];
  const find = (menu: string, label: string): Options | undefined => options.find((m) => m.label === menu)?.submenu?.find((i) => i.label === label);

  it('keeps every label, accelerator and role, and separators and greyed-out lines as such', () => {
    expect(options.map((m) => [m.label, m.role])).toEqual([['File', undefined], ['Edit', 'editMenu'], ['Run', undefined], ['View', undefined], ['Help', 'help']]);
    expect(find('File', 'Quit')).toEqual({ label: 'Quit', role: 'quit', accelerator: 'CmdOrCtrl+Q' });
    expect(find('Run', 'Start')).toMatchObject({ label: 'Start', accelerator: 'CmdOrCtrl+Enter' });
    expect(options[0]?.submenu?.filter((i) => i.type === 'separator').length).toBeGreaterThan(0);
    const empty = menuOptions(menuTemplate({ ...state, recent: [] }), () => undefined) as Options[];
    expect(empty[0]?.submenu?.find((i) => i.label === 'Open Recent')?.submenu).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it('calls back with the item’s action when an item is chosen', () => {
    find('File', 'Save')?.click?.();
    find('Run', 'Start')?.click?.();
    find('File', 'Open Example')?.submenu?.[0]?.click?.();
    find('File', 'Open Recent')?.submenu?.[1]?.click?.();
    expect(chosen).toEqual([
      { type: 'command', command: 'save' },
      { type: 'command', command: 'run-start' },
      { type: 'open-example', id: 'eight_schools' },
      { type: 'open-recent', path: '/home/u/other.tilde.json' },
    ]);
  });
});
