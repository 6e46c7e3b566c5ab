import { create } from 'zustand';
import type { BackendBenchmark } from '../../../core/model/index';
import { buildEngineRequest, currentDocument } from '../document/index';
import { errorMessage } from '../shared/index';
import { tilde } from '../tilde';

interface BenchmarkState {
  running: boolean;
  result: BackendBenchmark | null;
  /** The model and data the result is about: timings of an earlier version say little. */
  measured: { source: string; data: unknown } | null;
  /** Why there is no table: the model does not compile, or the engine failed. */
  problem: string | null;
  run(): Promise<void>;
  /** Ends the benchmark going on: a model that loops would otherwise hold it, and the checks behind it, for two minutes. */
  stop(): Promise<void>;
}

/** Bumps at every start and stop, so that the answer of a stopped benchmark is dropped. */
let generation = 0;

/** "Benchmark backends": times each AD backend's gradient on the model as it is now. */
export const useBenchmarkStore = create<BenchmarkState>()((set, get) => ({
  running: false,
  result: null,
  measured: null,
  problem: null,
  async run() {
    if (get().running) return;
    const document = currentDocument();
    if (document.source.trim() === '') {
      set({ result: null, problem: 'Write or open a model to benchmark its gradient.' });
      return;
    }
    set({ running: true, problem: null });
    const mine = ++generation;
    try {
      const outcome = await tilde().engine.benchmark(buildEngineRequest(document));
      if (mine !== generation) return;
      if (outcome.ok) set({ result: outcome.value, measured: { source: document.source, data: document.data }, problem: null });
      else set({ result: null, measured: null, problem: `The model cannot be benchmarked: ${outcome.diagnostics.map((d) => `line ${d.line}: ${d.message}`).join('; ')}` });
    } catch (e) {
      if (mine === generation) set({ result: null, measured: null, problem: `The benchmark failed: ${errorMessage(e)}` });
    } finally {
      if (mine === generation) set({ running: false });
    }
  },
  async stop() {
    if (!get().running) return;
    generation++;
    set({ running: false, problem: 'The benchmark was stopped.' });
    await tilde().engine.cancel('benchmark');
  },
}));
