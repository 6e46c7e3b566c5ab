import { contextBridge, ipcRenderer } from 'electron';
import type { BinaryFile, EngineRequest, ExportFile, ExportKind, LooOptions, MenuCommand, OpenedDocument, SaveKind, TildeApi } from '../../runner/api.js';
import type { OptimizeRequest, RunEvent, RunRequest } from '../../runner/protocol.js';
import type { IpcReply } from '../main/runs.js';

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

/** A call answered by electron/main/runs.ts, whose replies carry the error's name as well as its message. */
async function call<T>(method: string, ...args: unknown[]): Promise<T> {
  const reply = (await ipcRenderer.invoke(`tilde:${method}`, ...args)) as IpcReply;
  if (reply.ok) return reply.value as T;
  throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
}

/** The latest document the main process opened into this window before the page listened for one. */
let unclaimedDocument: OpenedDocument | undefined;
let documentListener: ((document: OpenedDocument) => void) | undefined;
ipcRenderer.on('tilde:open-document', (_event, document: OpenedDocument) => {
  if (documentListener) documentListener(document);
  else unclaimedDocument = document;
});

/** The one API the renderer sees. */
const api = {
  platform: process.platform,
  versions: { electron: process.versions.electron, chrome: process.versions.chrome },
  engine: {
    check: (request: EngineRequest) => call('engine.check', request),
    auto: (request: EngineRequest) => call('engine.auto', request),
    benchmark: (request: EngineRequest) => call('engine.benchmark', request),
    optimize: (request: OptimizeRequest) => call('engine.optimize', request),
    cancel: (method: 'optimize' | 'benchmark') => call('engine.cancel', method),
    examples: () => call('engine.examples'),
    vocabulary: () => call('engine.vocabulary'),
  },
  runs: {
    /** Starts a run; its events come to `subscribe`. */
    start: (request: RunRequest) => call('run-start', request),
    cancel: (id: number) => call('runs.cancel', id),
    /** One listener per run: draw batches, progress, each chain's end and the run's end. */
    subscribe: (id: number, listener: (event: RunEvent) => void): void => {
      const port = ports.get(id);
      if (port) listen(id, port, listener);
      else waiting.set(id, listener);
    },
    diagnose: (id: number, probs?: number[]) => call('runs.diagnose', id, probs),
    plots: (id: number, parameter: string) => call('runs.plots', id, parameter),
    export: (id: number, kind: ExportKind, probs?: number[]) => call('runs.export', id, kind, probs),
    predict: (id: number, replicate: string[]) => call('runs.predict', id, replicate),
    loo: (id: number, options?: LooOptions) => call('runs.loo', id, options),
    compareLoo: (ids: number[]) => call('runs.compareLoo', ids),
  },
  files: {
    save: (file: ExportFile | BinaryFile, kind: SaveKind) => ipcRenderer.invoke('tilde:file-save', { file, kind }),
    open: (kind: 'project' | 'data' | 'model') => ipcRenderer.invoke('tilde:file-open', kind),
    saveTo: (path: string, text: string) => ipcRenderer.invoke('tilde:file-save-to', { path, text }),
  },
  app: {
    onMenu: (listener: (command: MenuCommand) => void): void => void ipcRenderer.on('tilde:menu', (_event, command: MenuCommand) => listener(command)),
    setDirty: (dirty: boolean, title: string): void => ipcRenderer.send('tilde:set-dirty', { dirty, title }),
    onOpenDocument: (listener: (document: OpenedDocument) => void): void => {
      documentListener = listener;
      if (unclaimedDocument) listener(unclaimedDocument);
      unclaimedDocument = undefined;
    },
  },
} satisfies TildeApi;

contextBridge.exposeInMainWorld('tilde', api);
