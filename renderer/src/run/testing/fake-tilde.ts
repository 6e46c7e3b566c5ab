import type { BinaryFile, EngineResult, ExportFile, PlotStatistics, PosteriorPredictive, RunDiagnosis, TildeApi } from '../../../../runner/api';
import type { RunEvent, RunLayout, RunRequest } from '../../../../runner/protocol';
import type { LooComparisonRow } from '../../../../core/diagnostics/index';
import type { RunLoo } from '../../../../core/run/index';

/**
 * A `window.tilde` for tests: runs start with increasing ids, the test emits their events, and every call
 * is recorded. Methods a test does not script reject, so an unexpected call shows.
 */
export class FakeTilde {
  readonly started: RunRequest[] = [];
  readonly cancelled: number[] = [];
  /** The engine tasks (optimisation, benchmark) the store cancelled. */
  readonly engineCancelled: string[] = [];
  readonly diagnosed: number[] = [];
  /** The further quantiles each diagnosis asked for. */
  readonly diagnosedProbs: (number[] | undefined)[] = [];
  readonly plotted: { id: number; parameter: string }[] = [];
  readonly saved: (ExportFile | BinaryFile)[] = [];
  readonly exported: { id: number; kind: string; probs?: number[] | undefined }[] = [];
  readonly predicted: { id: number; replicate: string[] }[] = [];
  predictive: EngineResult<PosteriorPredictive> = { ok: false, diagnostics: [] };
  readonly looAsked: number[] = [];
  /** The options of each leave-one-out asked for, when it had any. */
  readonly looOptions: unknown[] = [];
  looResult: EngineResult<RunLoo> = { ok: false, diagnostics: [] };
  readonly compared: number[][] = [];
  comparison: LooComparisonRow[] = [];
  private readonly listeners = new Map<number, (event: RunEvent) => void>();
  private nextId = 1;
  startError: Error | null = null;
  diagnosis: RunDiagnosis = { draws: [], summary: [], stats: [], sampler: [], warnings: [] };

  emit(id: number, event: RunEvent): void {
    const listener = this.listeners.get(id);
    if (!listener) throw new Error(`run ${id} has no subscriber`);
    listener(event);
  }

  readonly api: TildeApi = {
    platform: 'test',
    versions: {},
    engine: {
      check: () => Promise.reject(new Error('not scripted')),
      auto: () => Promise.reject(new Error('not scripted')),
      benchmark: () => Promise.reject(new Error('not scripted')),
      optimize: () => Promise.reject(new Error('not scripted')),
      cancel: async (method) => {
        this.engineCancelled.push(method);
      },
      examples: () => Promise.resolve([]),
      vocabulary: () => Promise.resolve([]),
    },
    runs: {
      start: async (request) => {
        if (this.startError) throw this.startError;
        this.started.push(request);
        return this.nextId++;
      },
      cancel: async (id) => {
        this.cancelled.push(id);
      },
      subscribe: (id, listener) => {
        this.listeners.set(id, listener);
      },
      diagnose: async (id, probs) => {
        this.diagnosed.push(id);
        this.diagnosedProbs.push(probs);
        return this.diagnosis;
      },
      plots: async (id, parameter) => {
        this.plotted.push({ id, parameter });
        return plotStatistics(parameter);
      },
      export: async (id, kind, probs) => {
        this.exported.push({ id, kind, probs });
        return kind === 'draws-stan' ? [{ name: 'run_1.csv', text: 'a' }, { name: 'run_2.csv', text: 'b' }] : [{ name: `${kind}.csv`, text: 'x' }];
      },
      predict: async (id, replicate) => {
        this.predicted.push({ id, replicate });
        return this.predictive;
      },
      loo: async (id, options) => {
        this.looAsked.push(id);
        if (options) this.looOptions.push(options);
        return this.looResult;
      },
      compareLoo: async (ids) => {
        this.compared.push(ids);
        return this.comparison;
      },
    },
    files: {
      save: async (file) => {
        this.saved.push(file);
        return `/downloads/${file.name}`;
      },
      open: async () => null,
    },
  };
}

export function plotStatistics(parameter: string): PlotStatistics {
  return {
    parameter,
    draws: [5],
    density: { x: [0, 1, 2], chains: [[0.1, 0.5, 0.1]] },
    autocorrelation: [[1, 0.5, 0.1]],
    ranks: { bins: 2, chains: [[3, 2]] },
    energy: null,
    intervals: { probabilities: [0.05, 0.25, 0.5, 0.75, 0.95], rows: [{ name: parameter, quantiles: [0, 0.5, 1, 1.5, 2] }], first: 0, total: 1 },
  };
}

export const LAYOUT: RunLayout = { parameters: ['μ', 'θ[1]', 'θ[2]'], generated: ['y_rep'], stats: ['lp', 'is_divergent'] };

/** A batch of `count` draws for LAYOUT: parameter values from `value(row, column)`, divergent rows as listed. */
export function batch(chain: number, count: number, value: (row: number, column: number) => number, divergent: number[] = []): RunEvent {
  const parameters = new Float64Array(count * 3);
  const generated = new Float64Array(count);
  const stats = new Float64Array(count * 2);
  for (let r = 0; r < count; r++) {
    for (let c = 0; c < 3; c++) parameters[r * 3 + c] = value(r, c);
    generated[r] = value(r, 3);
    stats[r * 2] = -r;
    stats[r * 2 + 1] = divergent.includes(r) ? 1 : 0;
  }
  return { type: 'draws', chain, batch: { type: 'draws', chain, count, parameters, generated, stats } };
}
