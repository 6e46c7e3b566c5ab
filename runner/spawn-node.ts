import { fork } from 'node:child_process';
import { join } from 'node:path';
import { FrameReader } from './frames.js';
import type { Spawner, WorkerExit } from './spawner.js';

const here = import.meta.dirname;
const root = join(here, '..');
const STDERR_KEPT = 4096;

/**
 * Starts the TypeScript worker entry as a Node child process through tsx, so no build is needed.
 * The job goes over the IPC channel; messages come back framed on a pipe of their own (see frames.ts).
 */
export const spawnNodeWorker: Spawner = () => {
  const child = fork(join(here, 'worker.ts'), [], {
    // From the repository, so `--import tsx` resolves whichever directory the command runs in.
    cwd: root,
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT)));
  const data = child.stdio[4] as NodeJS.ReadableStream;
  // A write to a killed worker's IPC channel fails asynchronously; its exit is what gets reported.
  child.on('error', () => undefined);
  return {
    pid: child.pid,
    send: (job) => void child.send(job),
    onMessage: (listener) => {
      const reader = new FrameReader(listener);
      data.on('data', (chunk: Buffer) => {
        try {
          reader.push(chunk);
        } catch (e) {
          listener(e);
        }
      });
    },
    onExit: (listener) => {
      // 'close' waits for the pipes to drain, so every frame sent before the exit has been read.
      child.on('close', (code, signal) => listener({ code, signal, stderr } satisfies WorkerExit));
    },
    kill: () => void child.kill('SIGKILL'),
  };
};
