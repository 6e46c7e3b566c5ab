import { parseWorkerMessage, toWireError, type ChainJob, type FailureReason, type WireError, type WorkerMessage } from './protocol.js';
import { describeExit, type SpawnOptions, type Spawner, type WorkerHandle } from './spawner.js';
import { lowerPriority } from './priority.js';

export type Settlement = { status: 'done'; info: Extract<WorkerMessage, { type: 'done' }>['info'] } | { status: 'failed'; reason: FailureReason; error: WireError };

export interface ChainWorkerEvents {
  /** A validated message of a running chain (never `done` or `error`: those settle it). Throwing fails the chain. */
  message(message: WorkerMessage): void;
  /** Called exactly once, after the process has been told to end. */
  settled(settlement: Settlement): void;
}

/**
 * Watches the one worker process of a chain: validates what it sends, ends it when it falls silent
 * for longer than `silenceMs`, and turns however it ends into exactly one settlement.
 */
export class ChainWorker {
  private handle: WorkerHandle | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ended = false;

  constructor(
    spawn: Spawner,
    private readonly job: ChainJob,
    private readonly silenceMs: number,
    private readonly events: ChainWorkerEvents,
    options: SpawnOptions = {},
  ) {
    try {
      const handle = spawn(options);
      this.handle = handle;
      // Four chains on a laptop must not make the window stutter.
      lowerPriority(handle.pid);
      handle.onMessage((m) => this.receive(m));
      // A worker that exits on its own before finishing: out of memory, killed, or an uncaught failure.
      handle.onExit((exit) => this.fail('crashed', { name: 'WorkerCrash', message: `the worker ${describeExit(exit)}` }));
      this.arm();
      handle.send(job);
    } catch (e) {
      this.fail('crashed', toWireError(e));
    }
  }

  get settled(): boolean {
    return this.ended;
  }

  stop(reason: Exclude<FailureReason, 'crashed'>, error: WireError): void {
    this.fail(reason, error);
  }

  private receive(raw: unknown): void {
    if (this.ended) return;
    this.arm();
    try {
      if (raw instanceof Error) throw raw;
      const m = parseWorkerMessage(raw);
      if (m.chain !== this.job.chain) throw new Error(`the worker of chain ${this.job.chain} sent a message for chain ${m.chain}`);
      if (m.type === 'done') return this.settle({ status: 'done', info: m.info });
      if (m.type === 'error') return this.fail('error', m.error);
      this.events.message(m);
    } catch (e) {
      this.fail('error', toWireError(e));
    }
  }

  private arm(): void {
    clearTimeout(this.timer);
    // Not the chain's number: the run names the chains that failed, and chains failing alike read as one message.
    const message = `the chain reported nothing for ${this.silenceMs / 1000} s and was stopped: the model may loop forever, or one evaluation of it takes that long`;
    this.timer = setTimeout(() => this.stop('timeout', { name: 'WorkerTimeout', message }), this.silenceMs);
  }

  private fail(reason: FailureReason, error: WireError): void {
    this.settle({ status: 'failed', reason, error });
  }

  private settle(settlement: Settlement): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    // A finished chain's process may sample the next chain (a pool); any other ending may have left it in any state.
    if (settlement.status === 'done' && this.handle?.release) this.handle.release();
    else this.handle?.kill();
    this.events.settled(settlement);
  }
}
