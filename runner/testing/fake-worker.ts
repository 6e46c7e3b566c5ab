import type { ChainJob } from '../protocol.js';
import type { Spawner, WorkerExit, WorkerHandle } from '../spawner.js';

/** An in-process stand-in for a worker process: the test says what it sends and when it exits. */
export class FakeWorker implements WorkerHandle {
  readonly pid = undefined;
  job: ChainJob | undefined;
  killed = false;
  private listener: ((message: unknown) => void) | undefined;
  private exitListener: ((exit: WorkerExit) => void) | undefined;

  send(job: ChainJob): void {
    this.job = job;
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
    spawn: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  };
}
