import type { WorkerJob } from './protocol.js';

/** How a worker process ended: an exit code or a signal, and what it last printed on stderr if known. */
export interface WorkerExit {
  code: number | null;
  signal: string | null;
  stderr?: string;
  /** V8 said its heap was exhausted, however much it printed after (its stack trace pushes the line out of `stderr`'s tail). */
  outOfMemory?: boolean;
}

/** V8's words in its fatal error line for an exhausted heap, and for an array grown past its largest size. */
const OUT_OF_MEMORY = ['heap out of memory', 'invalid size error', 'javascript OOM'];

/** Whether V8's output says it ran out of memory. */
export function saysOutOfMemory(text: string): boolean {
  return OUT_OF_MEMORY.some((words) => text.includes(words));
}

/** The longest of those words: how much of what came before a chunk to search with it. */
export const OUT_OF_MEMORY_LENGTH = Math.max(...OUT_OF_MEMORY.map((w) => w.length));

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
  /** Hands the process back for another chain once its chain is done (a pooled process); without it the process is killed. */
  release?(): void;
  /** Lets the parent exit while the process waits idle (Node); `ref` undoes it. */
  unref?(): void;
  ref?(): void;
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
  // V8's last words after an exhausted heap are its native stack: the cause is what the user needs.
  if (exit.outOfMemory || saysOutOfMemory(exit.stderr ?? '')) return `${how}: it ran out of memory (a loop in the model that never ends, or values too large to hold)`;
  const lastLines = exit.stderr?.trim().split('\n').slice(-3).join('\n');
  return `${how}${lastLines ? `\n${lastLines}` : ''}`;
}
