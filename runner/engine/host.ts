import type { CheckResult } from '../../core/lang/index.js';
import type { BackendBenchmark } from '../../core/model/index.js';
import type { OptimizeResult, RunLoo } from '../../core/run/index.js';
import type { AutoBackend, CheckReport, EngineRequest, EngineResult, Replications } from '../api.js';
import { parseEngineReply, ProtocolError, type DrawsTable, type EngineMethod, type EngineParams, type EvaluateRequest, type LooRequest, type OptimizeRequest, type PredictDrawsRequest, type PredictRequest } from '../protocol.js';
import { describeExit, type Spawner, type WorkerExit, type WorkerHandle } from '../spawner.js';

/** How long each request may take before the process is stopped: a model can loop forever. */
export const ENGINE_TIMEOUTS_MS: Readonly<Record<EngineMethod, number>> = { check: 10_000, evaluate: 60_000, auto: 30_000, benchmark: 120_000, optimize: 120_000, predict: 120_000, predictDraws: 120_000, loo: 120_000 };
/** Added for the first request of a new process: loading the engine is not the model's time (tsx compiles it in web mode). */
export const ENGINE_STARTUP_MS = 20_000;

export interface EngineHostOptions {
  spawn: Spawner;
  timeoutsMs?: Partial<Record<EngineMethod, number>>;
  /** Added to the first request of a new process (ENGINE_STARTUP_MS unless given): a bundled engine loads in well under a second. */
  startupMs?: number;
}

interface Request {
  id: number;
  method: EngineMethod;
  params: EngineParams;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

const WHAT: Record<EngineMethod, string> = { check: 'check of the model', evaluate: 'evaluation of the model', auto: 'choice of the auto backend', benchmark: 'benchmark of the AD backends', optimize: 'optimisation', predict: 'posterior predictive', predictDraws: 'prediction', loo: 'leave-one-out' };

/**
 * What a new request makes pointless while it waits: typing fast must not queue dozens of checks, and a
 * check means the model changed, so the auto choices asked for the old text are stale too.
 */
const SUPERSEDES: Partial<Record<EngineMethod, readonly EngineMethod[]>> = { check: ['check', 'auto'], auto: ['auto'] };

function named(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

/**
 * Runs the engine requests of one window or connection in a process of their own, one at a time:
 * the user's model may loop forever or crash, and neither may take the server or the main process
 * down. The process starts with the first request and stays; a request that takes too long gets
 * it killed, a crash is reported, and the next request starts a fresh one. A new check replaces the
 * checks and auto choices still waiting, a new auto choice the ones waiting.
 */
export class EngineHost {
  private handle: WorkerHandle | undefined;
  private readonly waiting: Request[] = [];
  private current: { request: Request; timer: ReturnType<typeof setTimeout> } | undefined;
  private nextId = 1;
  private readonly timeouts: Record<EngineMethod, number>;

  constructor(private readonly options: EngineHostOptions) {
    this.timeouts = { ...ENGINE_TIMEOUTS_MS, ...options.timeoutsMs };
  }

  check(request: EngineRequest): Promise<CheckReport> {
    return this.ask('check', request) as Promise<CheckReport>;
  }

  /** The model's densities (and gradient) at a point, as `tilde check` prints them. */
  evaluate(request: EvaluateRequest): Promise<EngineResult<CheckResult>> {
    return this.ask('evaluate', request) as Promise<EngineResult<CheckResult>>;
  }

  auto(request: EngineRequest): Promise<EngineResult<AutoBackend>> {
    return this.ask('auto', request) as Promise<EngineResult<AutoBackend>>;
  }

  benchmark(request: EngineRequest): Promise<EngineResult<BackendBenchmark>> {
    return this.ask('benchmark', request) as Promise<EngineResult<BackendBenchmark>>;
  }

  optimize(request: OptimizeRequest): Promise<EngineResult<OptimizeResult>> {
    return this.ask('optimize', request) as Promise<EngineResult<OptimizeResult>>;
  }

  predict(request: PredictRequest): Promise<EngineResult<Replications>> {
    return this.ask('predict', request) as Promise<EngineResult<Replications>>;
  }

  /** `tilde predict`: the missing data drawn at every posterior draw. */
  predictDraws(request: PredictDrawsRequest): Promise<EngineResult<DrawsTable>> {
    return this.ask('predictDraws', request) as Promise<EngineResult<DrawsTable>>;
  }

  /** `tilde loo`: PSIS-LOO of the posterior draws. */
  loo(request: LooRequest): Promise<EngineResult<RunLoo>> {
    return this.ask('loo', request) as Promise<EngineResult<RunLoo>>;
  }

  /**
   * Stops an optimisation or benchmark the user no longer wants (a model that loops would hold every check
   * behind it until its time limit): the process is killed, as on a timeout, and what follows gets a new one.
   */
  cancel(method: 'optimize' | 'benchmark'): void {
    const cancelled = named('Cancelled', `the ${WHAT[method]} was stopped`);
    for (let i = this.waiting.length - 1; i >= 0; i--) if (this.waiting[i]!.method === method) this.waiting.splice(i, 1)[0]!.reject(cancelled);
    if (this.current?.request.method !== method) return;
    this.stopProcess();
    this.settle((r) => r.reject(cancelled));
    this.next();
  }

  /** Ends the process and refuses what is waiting, when the window or connection closes. */
  dispose(): void {
    const closed = named('EngineClosed', 'the engine was closed');
    for (const request of this.waiting.splice(0)) request.reject(closed);
    if (this.current) this.settle((r) => r.reject(closed));
    this.stopProcess();
  }

  private ask(method: EngineMethod, params: EngineParams): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const replaces = SUPERSEDES[method] ?? [];
      for (let i = this.waiting.length - 1; i >= 0; i--) {
        if (!replaces.includes(this.waiting[i]!.method)) continue;
        const [superseded] = this.waiting.splice(i, 1);
        superseded!.reject(named('Superseded', `a newer ${WHAT[method]} replaced this one before it started`));
      }
      this.waiting.push({ id: this.nextId++, method, params, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (!this.current) {
      const request = this.waiting.shift();
      if (!request) return;
      try {
        const fresh = !this.handle;
        const handle = this.process();
        const limit = this.timeouts[request.method];
        const allowed = limit + (fresh ? (this.options.startupMs ?? ENGINE_STARTUP_MS) : 0);
        this.current = { request, timer: setTimeout(() => this.timedOut(limit), allowed) };
        handle.send({ type: 'engine', id: request.id, method: request.method, params: request.params });
      } catch (e) {
        this.stopProcess();
        const error = named('EngineCrash', `the engine process could not be started or reached: ${(e as Error).message}`);
        if (this.current) this.settle((r) => r.reject(error));
        else request.reject(error);
      }
    }
  }

  private process(): WorkerHandle {
    if (this.handle) return this.handle;
    const handle = this.options.spawn();
    this.handle = handle;
    handle.onMessage((message) => {
      if (handle === this.handle) this.receive(message);
    });
    handle.onExit((exit) => {
      if (handle === this.handle) this.exited(exit);
    });
    return handle;
  }

  private receive(raw: unknown): void {
    const current = this.current;
    if (!current) return this.failProcess(new ProtocolError('the engine sent a message while no request was waiting'));
    try {
      if (raw instanceof Error) throw raw;
      const reply = parseEngineReply(raw, current.request.method);
      if (reply.id !== current.request.id) throw new ProtocolError(`the engine answered request ${reply.id} while request ${current.request.id} was waiting`);
      if (reply.type === 'engine-error') this.settle((r) => r.reject(named(reply.error.name, reply.error.message)));
      else this.settle((r) => r.resolve(reply.result));
      this.next();
    } catch (e) {
      this.failProcess(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /** A process that says something malformed is in an unknown state: it goes, and the request fails. */
  private failProcess(error: Error): void {
    this.stopProcess();
    if (this.current) this.settle((r) => r.reject(error));
    this.next();
  }

  /** `limitMs` is the request's own limit: the process's start-up allowance is not the model's time. */
  private timedOut(limitMs: number): void {
    this.stopProcess();
    this.settle((r) => r.reject(named('EngineTimeout', `the ${WHAT[r.method]} took longer than ${limitMs / 1000} s and was stopped: the model may loop forever`)));
    this.next();
  }

  private exited(exit: WorkerExit): void {
    this.handle = undefined;
    if (this.current) this.settle((r) => r.reject(named('EngineCrash', `the engine process ${describeExit(exit)} during the ${WHAT[r.method]}`)));
    this.next();
  }

  private settle(finish: (request: Request) => void): void {
    const current = this.current!;
    this.current = undefined;
    clearTimeout(current.timer);
    finish(current.request);
  }

  private stopProcess(): void {
    const handle = this.handle;
    this.handle = undefined;
    handle?.kill();
  }
}
