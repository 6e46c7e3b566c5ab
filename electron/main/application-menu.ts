import { Menu } from 'electron';
import { menuOptions, menuTemplate, type MenuAction, type MenuState } from './shell/index.js';

/** Installs the application menu for `state`; choosing an item calls `act`. */
export function installApplicationMenu(state: MenuState, act: (action: MenuAction) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuOptions(menuTemplate(state), act)));
}
