import { contextBridge } from 'electron';

/** The one typed API the renderer sees; the engine's calls arrive with the run-manager issue. */
const api = {
  platform: process.platform,
  versions: { electron: process.versions.electron, chrome: process.versions.chrome },
} as const;

export type TildeApi = typeof api;

contextBridge.exposeInMainWorld('tilde', api);
