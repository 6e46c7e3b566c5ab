import { app, screen, type BrowserWindow } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cascadeFrom, parseWindowState, placeWindow, writeFileAtomic, type Rect, type WindowState } from './shell/index.js';

const stateFile = (): string => join(app.getPath('userData'), 'window-state.json');

function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

/**
 * Where the next window goes: beside the window it was opened from, else where the last window was
 * closed (on a display that is still there), else centred.
 */
export function nextWindowPlacement(from: BrowserWindow | undefined): WindowState {
  if (from) return { bounds: cascadeFrom(from.getNormalBounds(), workAreas()), maximized: false };
  let saved: WindowState | undefined;
  try {
    saved = parseWindowState(readFileSync(stateFile(), 'utf8'));
  } catch {
    saved = undefined;
  }
  return { bounds: placeWindow(saved?.bounds, workAreas()), maximized: saved?.maximized ?? false };
}

/** Remembers a closing window's placement for the next start. */
export function rememberPlacement(window: BrowserWindow): void {
  const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  writeFileAtomic(stateFile(), JSON.stringify(state)).catch((error: unknown) => console.warn(`Tilde: could not store the window placement: ${String(error)}`));
}
