import { Chains } from '../core/chains/index.js';
import { ChainWorker, type Settlement } from './chain-worker.js';
import { overBudget } from './budget.js';
import type { ChainOutcome, RunEvent, RunLayout, RunRequest, RunSummary, WireError, WorkerMessage } from './protocol.js';
import type { SpawnOptions, Spawner } from './spawner.js';

export interface RunSettings {
  spawn: Spawner;
  silenceMs: number;
  batchMs: number;
  memoryBudgetBytes: number;
}

export interface RunResult extends RunSummary {
  /** Every chain of the run with the draws that arrived; undefined when no worker got as far as its layout. */
  chains: Chains | undefined;
}

/**
 * One run: a worker per chain (started when the manager has a free core), draws collected into one
 * `Chains` as they arrive, and an event stream for whoever shows them.
 */
export class Run {
  readonly done: Promise<RunResult>;
  private readonly outcomes: (ChainOutcome | undefined)[];
  private readonly workers = new Map<number, ChainWorker>();
  private readonly listeners = new Set<(event: RunEvent) => void>();
  private next = 0;
  private cancelled = false;
  private refused: WireError | undefined;
  private resolve!: (result: RunResult) => void;
  private collected: Chains | undefined;

  constructor(
    readonly id: number,
    readonly request: RunRequest,
    private readonly settings: RunSettings,
    /** Called when one of this run's workers no longer occupies a core. */
    private readonly release: () => void,
  ) {
    this.outcomes = Array.from({ length: request.chains }, () => undefined);
    this.done = new Promise((resolve) => (this.resolve = resolve));
  }

  /** The draws so far, all chains; undefined until the first worker has told the columns. */
  get chains(): Chains | undefined {
    return this.collected;
  }

  subscribe(listener: (event: RunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops every worker at once; the draws received so far stay, and the run ends partial. */
  cancel(): void {
    if (this.outcomes.every((o) => o)) return;
    this.cancelled = true;
    this.stopAll('cancelled', { name: 'Cancelled', message: 'the run was cancelled' });
  }

  /** Chains whose worker has not been started yet. */
  get unlaunched(): number {
    return this.request.chains - this.next;
  }

  /** Starts the next waiting chain's worker; false when none is waiting. */
  launchNext(spawnOptions: SpawnOptions = {}): boolean {
    while (this.next < this.request.chains && this.outcomes[this.next]) this.next++;
    if (this.next >= this.request.chains) return false;
    const chain = this.next++;
    const job = { type: 'run', request: this.request, chain, batchMs: this.settings.batchMs } as const;
    const worker = new ChainWorker(this.settings.spawn, job, this.settings.silenceMs, {
      message: (m) => this.receive(m),
      settled: (s) => {
        this.workers.delete(chain);
        this.release();
        this.settle(chain, s);
      },
    }, spawnOptions);
    if (!worker.settled) this.workers.set(chain, worker);
    return true;
  }

  private receive(m: WorkerMessage): void {
    switch (m.type) {
      case 'started':
        return this.emit({ type: 'started', chain: m.chain });
      case 'layout':
        return this.layout(m.layout);
      case 'draws':
        if (!this.chains) throw new Error('draws arrived before the layout');
        this.chains.append(m.chain, m);
        return this.emit({ type: 'draws', chain: m.chain, batch: m });
      case 'progress':
        return this.emit({ type: 'progress', progress: m });
    }
  }

  /** The first layout decides the run's columns and whether it fits in memory; later ones must agree. */
  private layout(layout: RunLayout): void {
    if (this.chains) {
      const { parameters, generated, stats } = this.chains;
      if (JSON.stringify(layout) !== JSON.stringify({ parameters, generated, stats })) throw new Error('this chain has other columns than the first one to start');
      return;
    }
    const refused = overBudget(this.request, layout.parameters.length + layout.generated.length + layout.stats.length, this.settings.memoryBudgetBytes);
    if (refused) {
      this.refused = refused;
      return this.stopAll('error', refused);
    }
    this.collected = new Chains(layout, this.request.chains);
    this.emit({ type: 'layout', layout });
  }

  private settle(chain: number, s: Settlement): void {
    const draws = this.chains?.nDraws(chain) ?? 0;
    if (s.status === 'done') this.chains?.setInfo(chain, s.info);
    const outcome: ChainOutcome = s.status === 'done' ? { chain, status: 'done', info: s.info } : { chain, status: 'failed', reason: s.reason, error: s.error, draws };
    this.outcomes[chain] = outcome;
    this.emit({ type: 'chain-end', outcome });
    if (this.outcomes.every((o) => o)) this.finish();
  }

  private stopAll(reason: 'cancelled' | 'error', error: WireError): void {
    // Waiting chains first: each stopped worker frees a core, which would otherwise start one of them.
    for (let chain = 0; chain < this.request.chains; chain++) {
      if (!this.outcomes[chain] && !this.workers.has(chain)) this.settle(chain, { status: 'failed', reason, error });
    }
    for (const worker of [...this.workers.values()]) worker.stop(reason, error);
  }

  private finish(): void {
    const outcomes = this.outcomes as ChainOutcome[];
    const partial = !this.chains || outcomes.some((o) => this.chains!.nDraws(o.chain) < this.request.draws);
    const summary: RunSummary = { outcomes, partial, cancelled: this.cancelled, ...(this.refused ? { refused: this.refused } : {}) };
    this.emit({ type: 'end', summary });
    this.resolve({ ...summary, chains: this.chains });
  }

  private emit(event: RunEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (e) {
        // A subscriber's bug must not fail a chain; it still surfaces as an uncaught error.
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }
}
