import { diagnoseRun, exportRun, looPointwiseCsv, plotStatistics, posteriorPredictive, predictiveDraws, replicatesCsv } from './analysis/index.js';
import { looCompare } from '../core/diagnostics/index.js';
import type { RunLoo } from '../core/run/index.js';
import type { EngineResult, ExportFile, ExportKind, PosteriorPredictive } from './api.js';
import { tableOf } from './draws-table.js';
import { EngineHost, readExamples, vocabulary, type EngineHostOptions } from './engine/index.js';
import type { RunManager } from './manager.js';
import { parseEngineRequest, parseOptimizeRequest, ProtocolError } from './protocol.js';
import type { Run } from './run.js';
import { RunArchive } from './run-archive.js';

export interface WindowSessionOptions {
  /** Shared by every window, so that all runs share the machine's cores. */
  manager: RunManager;
  engine: EngineHostOptions;
  /** resources/examples */
  examplesDir: string;
}

/** The `window.tilde` methods answered the same way in the app and in web mode, by their dotted names. */
export type SessionMethod = 'engine.check' | 'engine.auto' | 'engine.benchmark' | 'engine.optimize' | 'engine.cancel' | 'engine.examples' | 'engine.vocabulary' | 'runs.cancel' | 'runs.diagnose' | 'runs.plots' | 'runs.export' | 'runs.predict' | 'runs.loo' | 'runs.compareLoo';

/** Leave-one-out results a window keeps for comparison: a model's pointwise values are N numbers each. */
const KEPT_LOOS = 20;

const EXPORT_KINDS: readonly string[] = ['draws-wide', 'draws-stan', 'summary', 'predictive', 'loo-pointwise'] satisfies ExportKind[];

/** More quantile columns than a summary could show are a mistake, not a wish. */
const MAX_QUANTILES = 20;

/** Further quantiles of a summary, probabilities from 0 to 1 as posterior's quantile2 takes them; none when not given. */
function quantileProbs(x: unknown): number[] {
  // A web client's JSON turns an argument left out into null.
  if (x === undefined || x === null) return [];
  if (!Array.isArray(x) || x.length > MAX_QUANTILES || !x.every((p) => typeof p === 'number' && p >= 0 && p <= 1)) {
    throw new ProtocolError(`the summary's quantiles must be at most ${MAX_QUANTILES} probabilities between 0 and 1, got ${JSON.stringify(x)}`);
  }
  return x as number[];
}

function runId(args: readonly unknown[]): number {
  const id = args[0];
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw new ProtocolError(`a run id must be an integer, got ${JSON.stringify(id)}`);
  return id;
}

/**
 * What one window (or browser connection) has: an engine process of its own, and the runs it
 * started, finished ones kept for analysis. Arguments arrive unchecked from the renderer, so each
 * method validates them before anything runs.
 */
export class WindowSession {
  readonly engine: EngineHost;
  private readonly runs = new RunArchive();
  /** The replicates of the last posterior predictive check, for its export. */
  private replicates: { run: number; file: ExportFile } | undefined;
  /** Each run's leave-one-out once computed, for comparisons with later runs (the last few only). */
  private readonly loos = new Map<number, RunLoo>();

  constructor(private readonly options: WindowSessionOptions) {
    this.engine = new EngineHost(options.engine);
  }

  /** Starts a run (a malformed request throws a ProtocolError); the caller subscribes its transport. */
  start(request: unknown): Run {
    const run = this.options.manager.start(request as Parameters<RunManager['start']>[0]);
    this.runs.add(run);
    return run;
  }

  /** Calls a method by name with the renderer's arguments; an unknown method or a bad argument rejects. */
  async call(method: string, args: readonly unknown[]): Promise<unknown> {
    const handler = this.handlers[method as SessionMethod];
    if (!handler) throw new ProtocolError(`unknown method '${method}'`);
    return handler(args);
  }

  /** The window or connection is gone: its runs stop and its engine process ends. */
  close(): void {
    this.runs.cancelAll();
    this.engine.dispose();
  }

  /** The run's own model, data and seed replicate the data at its draws, so the check agrees with what was sampled. */
  private async predict(id: number, replicate: unknown): Promise<EngineResult<PosteriorPredictive>> {
    if (!Array.isArray(replicate) || replicate.length === 0 || !replicate.every((n) => typeof n === 'string')) throw new ProtocolError('name the arguments to replicate, as a list');
    const run = this.runs.get(id);
    // Every chain's draws count, a stopped run's uneven ones too.
    const draws = run.chains && predictiveDraws(run.chains);
    if (!draws || draws.rows.length === 0) throw new Error('the run has no draws to replicate the data at');
    const { source, data, modelName, seed } = run.request;
    const result = await this.engine.predict({ source, seed, replicate, draws: { names: draws.names, rows: draws.rows }, ...(data ? { data } : {}), ...(modelName !== undefined ? { modelName } : {}) });
    if (!result.ok) return result;
    this.replicates = { run: id, file: replicatesCsv(result.value.drawn.map((i) => draws.at[i]!), result.value) };
    return { ok: true, value: posteriorPredictive(result.value), warnings: result.warnings };
  }

  /** The run's own model and data, at its draws; the result replaces the run's earlier one in comparisons. */
  private async loo(id: number, options: unknown): Promise<EngineResult<RunLoo>> {
    // A web client's JSON turns an option left out into null.
    const momentMatch = options === undefined || options === null ? false : (options as { momentMatch?: unknown }).momentMatch ?? false;
    if (typeof momentMatch !== 'boolean') throw new ProtocolError(`leave-one-out's options are { momentMatch: true or false }, got ${JSON.stringify(options)}`);
    const run = this.runs.get(id);
    if (!run.chains) throw new Error('the run has no draws for leave-one-out yet');
    const { source, data, modelName } = run.request;
    const result = await this.engine.loo({ source, posterior: tableOf(run.chains), momentMatch, ...(data ? { data } : {}), ...(modelName !== undefined ? { modelName } : {}) });
    if (result.ok) {
      this.loos.delete(id);
      this.loos.set(id, result.value);
      if (this.loos.size > KEPT_LOOS) this.loos.delete(this.loos.keys().next().value!);
    }
    return result;
  }

  private compareLoo(ids: unknown) {
    if (!Array.isArray(ids) || !ids.every((id) => Number.isInteger(id))) throw new ProtocolError('name the runs to compare by their ids, as a list');
    return looCompare(
      (ids as number[]).map((id) => {
        const loo = this.loos.get(id);
        if (!loo) throw new Error(`run ${id} has no leave-one-out to compare: compute it first`);
        return { name: String(id), loo };
      }),
    );
  }

  private readonly handlers: Record<SessionMethod, (args: readonly unknown[]) => unknown> = {
    'engine.check': (args) => this.engine.check(parseEngineRequest(args[0])),
    'engine.auto': (args) => this.engine.auto(parseEngineRequest(args[0])),
    'engine.benchmark': (args) => this.engine.benchmark(parseEngineRequest(args[0])),
    'engine.optimize': (args) => this.engine.optimize(parseOptimizeRequest(args[0])),
    'engine.cancel': (args) => {
      if (args[0] !== 'optimize' && args[0] !== 'benchmark') throw new ProtocolError(`only an optimisation or a benchmark can be cancelled, not ${JSON.stringify(args[0])}`);
      this.engine.cancel(args[0]);
    },
    'engine.examples': () => readExamples(this.options.examplesDir),
    'engine.vocabulary': () => vocabulary(),
    'runs.cancel': (args) => void this.runs.get(runId(args)).cancel(),
    'runs.diagnose': (args) => {
      const run = this.runs.get(runId(args));
      return diagnoseRun(run.chains, run.request.chains, quantileProbs(args[1]));
    },
    'runs.plots': (args) => {
      const parameter = args[1];
      if (typeof parameter !== 'string') throw new ProtocolError('the parameter must be a name');
      const chains = this.runs.get(runId(args)).chains;
      if (!chains) throw new Error('the run has no draws yet');
      return plotStatistics(chains, parameter);
    },
    'runs.export': (args) => {
      const kind = String(args[1]);
      if (!EXPORT_KINDS.includes(kind)) throw new ProtocolError(`the export kind must be one of ${EXPORT_KINDS.join(', ')}, got ${kind}`);
      const id = runId(args);
      if (kind === 'predictive') {
        if (this.replicates?.run !== id) throw new Error('no posterior predictive check of this run yet: replicate its data first');
        return [this.replicates.file];
      }
      if (kind === 'loo-pointwise') {
        const loo = this.loos.get(id);
        if (!loo) throw new Error('no leave-one-out of this run yet: compute PSIS-LOO first');
        return [looPointwiseCsv(loo)];
      }
      return exportRun(this.runs.get(id).chains, kind as Exclude<ExportKind, 'predictive' | 'loo-pointwise'>, quantileProbs(args[2]));
    },
    'runs.predict': (args) => this.predict(runId(args), args[1]),
    'runs.loo': (args) => this.loo(runId(args), args[1]),
    'runs.compareLoo': (args) => this.compareLoo(args[0]),
  };
}
