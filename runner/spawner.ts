import type { ChainJob } from './protocol.js';

/** How a worker process ended: an exit code or a signal, and what it last printed on stderr if known. */
export interface WorkerExit {
  code: number | null;
  signal: string | null;
  stderr?: string;
}

/** One started worker process, whatever started it (Node's `fork`, Electron's `utilityProcess`). */
export interface WorkerHandle {
  /** The operating system's process id, for logs and for tests that kill a worker from outside. */
  readonly pid: number | undefined;
  send(job: ChainJob): void;
  /** Every message the worker sends, unvalidated; a message that cannot even be decoded arrives as an Error. */
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (exit: WorkerExit) => void): void;
  /** Ends the process at once; a worker busy sampling never reads a polite request. */
  kill(): void;
}

export type Spawner = () => WorkerHandle;
