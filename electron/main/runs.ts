import { ipcMain, MessageChannelMain, type IpcMainInvokeEvent } from 'electron';
import { RunManager, toWireError, workerPool, type SessionMethod, type WireError } from '../../runner/index.js';
import { WindowSessions } from './engine.js';
import type { AppPages } from './shell/index.js';
import { spawnUtilityWorker } from './spawn-utility.js';

/** Every window.tilde method the main process answers besides `runs.start`, on channel `tilde:<method>`. */
const METHODS: readonly SessionMethod[] = [
  'engine.check',
  'engine.auto',
  'engine.benchmark',
  'engine.optimize',
  'engine.cancel',
  'engine.examples',
  'engine.vocabulary',
  'runs.cancel',
  'runs.diagnose',
  'runs.plots',
  'runs.export',
  'runs.predict',
  'runs.loo',
  'runs.compareLoo',
];

/** What each handler returns: Electron would keep only an error's message, and the renderer needs its name too. */
export type IpcReply = { ok: true; value: unknown } | { ok: false; error: WireError };

function handle(channel: string, answer: (event: IpcMainInvokeEvent, args: unknown[]) => unknown): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<IpcReply> => {
    try {
      return { ok: true, value: await answer(event, args) };
    } catch (e) {
      const { name, message, diagnostics } = toWireError(e);
      return { ok: false, error: { name, message, ...(diagnostics ? { diagnostics } : {}) } };
    }
  });
}

/**
 * The engine and runs for the renderer, per window: `tilde:run-start` checks the request, answers
 * with the run's id, and hands the renderer a MessagePort on which the run's events arrive, draw
 * batches included; `tilde:<method>` answers the other engine and runs methods with their arguments
 * checked. Give the app's `pages` so that only a window showing the app's own page is answered.
 */
export function serveRuns(pages?: AppPages): RunManager {
  // A window's runs follow one another: the next one's chains start in warm processes (see workerPool).
  const manager = new RunManager({ spawn: workerPool(spawnUtilityWorker).spawn });
  const sessions = new WindowSessions(manager, pages);
  handle('tilde:run-start', (event, [request]) => {
    const run = sessions.of(event).start(request);
    const { port1, port2 } = new MessageChannelMain();
    run.subscribe((e) => port1.postMessage(e));
    event.sender.postMessage('tilde:run-port', { id: run.id }, [port2]);
    return run.id;
  });
  for (const method of METHODS) handle(`tilde:${method}`, (event, args) => sessions.of(event).call(method, args));
  return manager;
}
