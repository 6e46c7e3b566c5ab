import type { ChainJob, WorkerJob } from '../protocol.js';
import type { SpawnOptions, Spawner, WorkerExit, WorkerHandle } from '../spawner.js';

/** An in-process stand-in for a worker process: the test says what it sends and when it exits. */
export class FakeWorker implements WorkerHandle {
  readonly pid = undefined;

  constructor(readonly options: SpawnOptions = {}) {}

  /** Everything sent to it, in order: one chain job, or engine jobs. */
  readonly jobs: WorkerJob[] = [];
  killed = false;
  private listener: ((message: unknown) => void) | undefined;
  private exitListener: ((exit: WorkerExit) => void) | undefined;

  /** The chain job it was given, if it is a chain's worker. */
  get job(): ChainJob | undefined {
    const first = this.jobs[0];
    return first?.type === 'run' ? first : undefined;
  }
  send(job: WorkerJob): void {
    this.jobs.push(job);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.listener = listener;
  }
  onExit(listener: (exit: WorkerExit) => void): void {
    this.exitListener = listener;
  }
  kill(): void {
    this.killed = true;
  }
  emit(message: unknown): void {
    this.listener?.(message);
  }
  exit(exit: WorkerExit): void {
    this.exitListener?.(exit);
  }
}

/** A spawner that hands out fake workers and keeps them for the test to drive. */
export function fakeSpawner(): { spawn: Spawner; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  return {
    workers,
    spawn: (options) => {
      const w = new FakeWorker(options);
      workers.push(w);
      return w;
    },
  };
}
