import { availableParallelism } from 'node:os';
import { parseRunRequest, type RunRequest } from './protocol.js';
import { Run, type RunSettings } from './run.js';
import type { Spawner } from './spawner.js';

export interface ManagerOptions {
  spawn: Spawner;
  /** Workers running at once, across all runs; the machine's cores by default. */
  concurrency?: number;
  /** A worker that sends nothing for this long is stopped (default 30 s). */
  silenceMs?: number;
  /** Workers send batches no more often than this (default 100 ms). */
  batchMs?: number;
  /** The most a run's draws may take in this process (default 2 GB). */
  memoryBudgetBytes?: number;
}

/**
 * Starts runs and shares the machine's cores among their chains: one worker process per chain, as
 * many at once as there are cores, the rest waiting in the order the runs were started.
 */
export class RunManager {
  private readonly settings: RunSettings;
  private readonly concurrency: number;
  private readonly waiting: Run[] = [];
  private readonly live = new Set<Run>();
  private running = 0;
  private nextId = 1;

  constructor(options: ManagerOptions) {
    this.concurrency = options.concurrency ?? availableParallelism();
    this.settings = {
      spawn: options.spawn,
      silenceMs: options.silenceMs ?? 30_000,
      batchMs: options.batchMs ?? 100,
      memoryBudgetBytes: options.memoryBudgetBytes ?? 2 * 1024 ** 3,
    };
  }

  /** Checks the request (a malformed one throws a ProtocolError) and queues its chains. */
  start(request: RunRequest): Run {
    const run = new Run(this.nextId++, parseRunRequest(request), this.settings, () => {
      this.running--;
      this.pump();
    });
    this.live.add(run);
    void run.done.then(() => this.live.delete(run));
    this.waiting.push(run);
    this.pump();
    return run;
  }

  /** Cancels every run still going, e.g. when the window or the command line closes. */
  cancelAll(): void {
    for (const run of this.live) run.cancel();
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const run = this.waiting[0];
      if (!run) return;
      // Counted before the launch: a worker that fails to start releases its core at once.
      this.running++;
      const others = this.waiting.reduce((n, r) => n + r.unlaunched, 0) - 1;
      if (!run.launchNext({ coresShared: this.running + others >= this.concurrency })) {
        this.running--;
        this.waiting.shift();
      }
    }
  }
}
