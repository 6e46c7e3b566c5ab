import { ipcMain, MessageChannelMain } from 'electron';
import { RunManager, type Run } from '../../runner/index.js';
import { spawnUtilityWorker } from './spawn-utility.js';

/**
 * Runs for the renderer. `tilde:run-start` checks the request (a malformed one rejects the call),
 * answers with the run's id, and hands the renderer a MessagePort on which the run's events arrive,
 * draw batches included; `tilde:run-cancel` stops a run.
 */
export function serveRuns(): RunManager {
  const manager = new RunManager({ spawn: spawnUtilityWorker });
  const runs = new Map<number, Run>();
  ipcMain.handle('tilde:run-start', (event, request: unknown) => {
    const run = manager.start(request as Parameters<RunManager['start']>[0]);
    const { port1, port2 } = new MessageChannelMain();
    run.subscribe((e) => port1.postMessage(e));
    runs.set(run.id, run);
    void run.done.then(() => runs.delete(run.id));
    event.sender.postMessage('tilde:run-port', { id: run.id }, [port2]);
    return run.id;
  });
  ipcMain.handle('tilde:run-cancel', (_event, id: unknown) => {
    if (typeof id === 'number') runs.get(id)?.cancel();
  });
  return manager;
}
