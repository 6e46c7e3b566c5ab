import { utilityProcess } from 'electron';
import { join } from 'node:path';
import type { Spawner } from '../../runner/index.js';

const STDERR_KEPT = 4096;

/**
 * The run manager's spawner in the app: each chain's worker is an Electron utility process running
 * the built worker entry (out/main/worker.js), talking over its parentPort.
 */
export const spawnUtilityWorker: Spawner = () => {
  const child = utilityProcess.fork(join(import.meta.dirname, 'worker.js'), [], { serviceName: 'Tilde chain', stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT)));
  return {
    get pid() {
      return child.pid;
    },
    send: (job) => child.postMessage(job),
    onMessage: (listener) => void child.on('message', listener),
    // Electron reports the exit code only; a signal shows as the code waitpid gave.
    onExit: (listener) => void child.on('exit', (code) => listener({ code, signal: null, stderr })),
    kill: () => void child.kill(),
  };
};
