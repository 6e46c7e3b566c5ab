import { Menu, type MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuAction, type MenuItemSpec, type MenuState } from './shell/index.js';

function item(spec: MenuItemSpec, act: (action: MenuAction) => void): MenuItemConstructorOptions {
  if ('separator' in spec) return { type: 'separator' };
  if ('submenu' in spec) return { label: spec.label, submenu: spec.submenu.map((s) => item(s, act)) };
  if ('role' in spec) return { role: spec.role, ...(spec.label ? { label: spec.label } : {}), ...(spec.accelerator ? { accelerator: spec.accelerator } : {}) };
  if ('action' in spec) {
    const { action } = spec;
    return { label: spec.label, ...(spec.accelerator ? { accelerator: spec.accelerator } : {}), click: () => act(action) };
  }
  return { label: spec.label, enabled: false };
}

/** Installs the application menu described by shell/menu-template.ts; choosing an item calls `act`. */
export function installApplicationMenu(state: MenuState, act: (action: MenuAction) => void): void {
  const template = menuTemplate(state).map(
    (menu): MenuItemConstructorOptions => ({ label: menu.label, ...(menu.role ? { role: menu.role } : {}), ...(menu.submenu ? { submenu: menu.submenu.map((s) => item(s, act)) } : {}) }),
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
