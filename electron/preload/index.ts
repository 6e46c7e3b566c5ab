import { contextBridge, ipcRenderer } from 'electron';
import type { RunEvent, RunRequest } from '../../runner/protocol.js';

/** Each run's MessagePort, and listeners that subscribed before their port arrived. */
const ports = new Map<number, MessagePort>();
const waiting = new Map<number, (event: RunEvent) => void>();

function listen(id: number, port: MessagePort, listener: (event: RunEvent) => void): void {
  port.onmessage = (e) => {
    const event = e.data as RunEvent;
    listener(event);
    if (event.type !== 'end') return;
    port.close();
    ports.delete(id);
  };
}

ipcRenderer.on('tilde:run-port', (event, { id }: { id: number }) => {
  const port = event.ports[0];
  if (!port) return;
  ports.set(id, port);
  const listener = waiting.get(id);
  if (listener) listen(id, port, listener);
  waiting.delete(id);
});

/** The one typed API the renderer sees. */
const api = {
  platform: process.platform,
  versions: { electron: process.versions.electron, chrome: process.versions.chrome },
  runs: {
    /** Starts a run; its events come to `subscribe`. */
    start: (request: RunRequest): Promise<number> => ipcRenderer.invoke('tilde:run-start', request),
    cancel: (id: number): Promise<void> => ipcRenderer.invoke('tilde:run-cancel', id),
    /** One listener per run: draw batches, progress, each chain's end and the run's end. */
    subscribe: (id: number, listener: (event: RunEvent) => void): void => {
      const port = ports.get(id);
      if (port) listen(id, port, listener);
      else waiting.set(id, listener);
    },
  },
} as const;

export type TildeApi = typeof api;

contextBridge.exposeInMainWorld('tilde', api);
