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
}

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
    try {
      const outcome = await tilde().engine.benchmark(buildEngineRequest(document));
      if (outcome.ok) set({ result: outcome.value, measured: { source: document.source, data: document.data }, problem: null });
      else set({ result: null, measured: null, problem: `The model cannot be benchmarked: ${outcome.diagnostics.map((d) => `line ${d.line}: ${d.message}`).join('; ')}` });
    } catch (e) {
      set({ result: null, measured: null, problem: `The benchmark failed: ${errorMessage(e)}` });
    } finally {
      set({ running: false });
    }
  },
}));
