import type { Run } from './run.js';

/** Finished runs a window keeps for diagnosis, plots and export after they end (cancelled ones too). */
export const FINISHED_RUNS_KEPT = 10;

/** The runs one window or connection started: all that are going, and the last finished ones. */
export class RunArchive {
  private readonly runs = new Map<number, Run>();
  private readonly finished: number[] = [];

  constructor(private readonly keep = FINISHED_RUNS_KEPT) {}

  add(run: Run): void {
    this.runs.set(run.id, run);
    void run.done.then(() => {
      this.finished.push(run.id);
      for (const id of this.finished.splice(0, Math.max(0, this.finished.length - this.keep))) this.runs.delete(id);
    });
  }

  get(id: number): Run {
    const run = this.runs.get(id);
    if (!run) throw new Error(`there is no run ${id} here: a window keeps its runs until ${this.keep} newer ones have finished`);
    return run;
  }

  cancelAll(): void {
    for (const run of this.runs.values()) run.cancel();
  }
}
