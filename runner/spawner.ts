import type { WorkerJob } from './protocol.js';

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
  send(job: WorkerJob): void;
  /** Every message the worker sends, unvalidated; a message that cannot even be decoded arrives as an Error. */
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (exit: WorkerExit) => void): void;
  /** Ends the process at once; a worker busy sampling never reads a polite request. */
  kill(): void;
}

export interface SpawnOptions {
  /**
   * Every core will be busy with a worker. V8 then gets no helper threads (compilation and garbage
   * collection on the worker's own thread): with idle cores they make a lone chain faster, but with
   * none they only compete with the other chains (two chains on two cores took 1.3–1.6× one chain).
   */
  readonly coresShared?: boolean;
}

export type Spawner = (options?: SpawnOptions) => WorkerHandle;

/** How a process ended on its own, for a message: "exited with code 1" or "was killed by SIGKILL", with why and its last words. */
export function describeExit(exit: WorkerExit): string {
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  const lastLines = exit.stderr?.trim().split('\n').slice(-3).join('\n');
  const oom = exit.stderr?.includes('heap out of memory') ? ': it ran out of memory' : '';
  return `${how}${oom}${lastLines ? `\n${lastLines}` : ''}`;
}
