import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction, MenuItemSpec, MenuSpec } from './menu-template.js';

function itemOptions(spec: MenuItemSpec, act: (action: MenuAction) => void): MenuItemConstructorOptions {
  if ('separator' in spec) return { type: 'separator' };
  if ('submenu' in spec) return { label: spec.label, submenu: spec.submenu.map((s) => itemOptions(s, act)) };
  const accelerator = 'accelerator' in spec && spec.accelerator ? { accelerator: spec.accelerator } : {};
  if ('role' in spec) return { role: spec.role, ...(spec.label ? { label: spec.label } : {}), ...accelerator };
  if ('action' in spec) {
    const { action } = spec;
    return { label: spec.label, ...accelerator, click: () => act(action) };
  }
  return { label: spec.label, enabled: false };
}

/** The menu description as Electron's template (for Menu.buildFromTemplate); choosing an item calls `act`. */
export function menuOptions(template: MenuSpec[], act: (action: MenuAction) => void): MenuItemConstructorOptions[] {
  return template.map((menu) => ({ label: menu.label, ...(menu.role ? { role: menu.role } : {}), ...(menu.submenu ? { submenu: menu.submenu.map((s) => itemOptions(s, act)) } : {}) }));
}
