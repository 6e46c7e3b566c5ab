import type { MenuCommand, TildeApi } from '../../../runner/api';

export type MenuActions = Record<MenuCommand, () => void>;

/** The application menu (app only; web mode has the buttons) runs the same actions as the buttons. */
export function startMenu(api: TildeApi, actions: MenuActions): void {
  api.app?.onMenu((command) => actions[command]?.());
}
