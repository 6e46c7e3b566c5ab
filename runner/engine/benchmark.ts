import { benchmarkModel } from '../../core/lang/index.js';
import type { BackendBenchmark } from '../../core/model/index.js';
import type { EngineRequest, EngineResult } from '../api.js';

/** Per backend (and for the log density alone) unless asked otherwise: 4 backends and the primal finish in about a second and a half. */
const BUDGET_MS = 250;

/** Every AD backend timed on the user's model, for the selector's "Benchmark backends". */
export function benchmark(request: EngineRequest): EngineResult<BackendBenchmark> {
  return benchmarkModel(request, { budgetMs: request.budgetMs ?? BUDGET_MS });
}
