import type { SpawnOptions, Spawner, WorkerExit, WorkerHandle } from './spawner.js';

/** How long a finished chain's process waits for the next chain before it is ended. */
export const IDLE_WORKER_MS = 120_000;

/** One process of the pool, lent to one chain at a time. */
interface Pooled {
  readonly handle: WorkerHandle;
  readonly coresShared: boolean;
  lease: Lease | undefined;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
  exited: boolean;
}

/** What a chain sees of a pooled process: its own listeners, and `release` to hand the process back. */
class Lease implements WorkerHandle {
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly exitListeners: ((exit: WorkerExit) => void)[] = [];

  constructor(
    private readonly process: Pooled,
    private readonly giveBack: (process: Pooled) => void,
    private readonly end: (process: Pooled) => void,
  ) {}

  get pid(): number | undefined {
    return this.process.handle.pid;
  }

  send: WorkerHandle['send'] = (job) => this.process.handle.send(job);

  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener);
  }

  onExit(listener: (exit: WorkerExit) => void): void {
    this.exitListeners.push(listener);
  }

  deliverMessage(message: unknown): void {
    for (const l of this.messageListeners) l(message);
  }

  deliverExit(exit: WorkerExit): void {
    for (const l of this.exitListeners) l(exit);
  }

  kill(): void {
    if (this.process.lease === this) this.end(this.process);
  }

  release(): void {
    if (this.process.lease === this) this.giveBack(this.process);
  }
}

export interface WorkerPool {
  /** Lends an idle process started with the same options, or starts one. */
  readonly spawn: Spawner;
  /** Processes waiting for a chain. */
  readonly idle: number;
  /** Ends the idle processes; lent ones end with their chains. */
  close(): void;
}

/**
 * Keeps the processes of chains that finished for the next chains, for `idleMs` at most. A fresh process
 * compiles the engine's hot code again (V8's JIT) at every run: a lone 100-d normal chain spends a fifth of
 * its warm-up doing so, and two chains at once, with no idle core for the compiler, a quarter. A process
 * whose chain failed, was cancelled or fell silent is ended, never lent again; idle ones do not keep the
 * parent alive. For a long-lived manager (the app's window, `tilde serve`), not a one-run command.
 */
export function workerPool(spawn: Spawner, idleMs = IDLE_WORKER_MS): WorkerPool {
  const waiting: Pooled[] = [];
  let closed = false;
  const unlist = (p: Pooled): void => {
    clearTimeout(p.idleTimer);
    const i = waiting.indexOf(p);
    if (i >= 0) waiting.splice(i, 1);
  };
  const end = (p: Pooled): void => {
    unlist(p);
    p.lease = undefined;
    p.handle.kill();
  };
  const giveBack = (p: Pooled): void => {
    p.lease = undefined;
    if (closed || p.exited) return end(p);
    p.handle.unref?.();
    p.idleTimer = setTimeout(() => end(p), idleMs);
    p.idleTimer.unref?.();
    waiting.push(p);
  };
  const lend = (p: Pooled): WorkerHandle => {
    const lease = new Lease(p, giveBack, end);
    p.lease = lease;
    return lease;
  };
  return {
    spawn: (options: SpawnOptions = {}) => {
      const coresShared = options.coresShared === true;
      const ready = waiting.find((p) => p.coresShared === coresShared);
      if (ready) {
        unlist(ready);
        ready.handle.ref?.();
        return lend(ready);
      }
      const handle = spawn(options);
      const p: Pooled = { handle, coresShared, lease: undefined, idleTimer: undefined, exited: false };
      handle.onMessage((m) => p.lease?.deliverMessage(m));
      handle.onExit((exit) => {
        p.exited = true;
        unlist(p);
        p.lease?.deliverExit(exit);
      });
      return lend(p);
    },
    get idle() {
      return waiting.length;
    },
    close: () => {
      closed = true;
      for (const p of [...waiting]) end(p);
    },
  };
}
