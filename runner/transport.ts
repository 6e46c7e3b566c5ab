import type { EngineReply, WorkerMessage } from './protocol.js';
import { writeFrame } from './frames.js';

/** The pipe a Node child process writes its messages to (stdio index 4, after `ipc` at 3). */
export const NODE_DATA_FD = 4;

/** How a worker talks to whoever started it, whether an Electron utility process or a Node child process. */
export interface WorkerTransport {
  send(message: WorkerMessage | EngineReply): void;
  /** Every message from the parent: one chain job, or engine jobs one after another. */
  onJob(listener: (message: unknown) => void): void;
}

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function connectToParent(): WorkerTransport {
  const port = (process as { parentPort?: ParentPort }).parentPort;
  // Electron's parentPort hands messages to another thread, so a busy sampler does not hold them back.
  if (port) return { send: (m) => port.postMessage(m), onJob: (listener) => port.on('message', (e) => listener(e.data)) };
  if (process.send) {
    // A parent that exits leaves an idle pooled worker with nothing to do: it ends with it.
    process.on('disconnect', () => process.exit(0));
    return { send: (m) => writeFrame(NODE_DATA_FD, m), onJob: (listener) => process.on('message', listener) };
  }
  throw new Error('the run worker must be started by the run manager (as a child or utility process)');
}
