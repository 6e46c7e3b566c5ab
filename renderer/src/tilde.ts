import type { TildeApi } from '../../runner/api';

declare global {
  interface Window {
    /** Set by the Electron preload or by web mode's script before the renderer starts. */
    tilde?: TildeApi;
  }
}

/** The engine, runs and files as the preload or web mode exposes them: the renderer's only way out. */
export function tilde(): TildeApi {
  const api = window.tilde;
  if (!api) throw new Error('window.tilde is missing: the renderer must run inside the Tilde app or `tilde serve`');
  return api;
}
