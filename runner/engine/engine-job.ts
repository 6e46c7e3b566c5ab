import { toWireError, type EngineJob, type EngineMethod, type EngineReply, type EvaluateRequest, type LooRequest, type OptimizeRequest, type PredictDrawsRequest, type PredictRequest } from '../protocol.js';
import { benchmark } from './benchmark.js';
import { autoBackend } from './auto.js';
import { check } from './check.js';
import { evaluate } from './evaluate.js';
import { optimizeModel } from './optimize.js';
import { predictModel } from './predict.js';
import { predictDraws } from './predict-draws.js';
import { looDraws } from './loo.js';

const ANSWERS: Record<EngineMethod, (params: EngineJob['params']) => unknown> = {
  check,
  evaluate: (params) => evaluate(params as EvaluateRequest),
  auto: autoBackend,
  benchmark,
  optimize: (params) => optimizeModel(params as OptimizeRequest),
  predict: (params) => predictModel(params as PredictRequest),
  predictDraws: (params) => predictDraws(params as PredictDrawsRequest),
  loo: (params) => looDraws(params as LooRequest),
};

/** Answers one engine request in the engine process; an unexpected failure is an error reply, not a crash. */
export function runEngineJob(job: EngineJob): EngineReply {
  try {
    const result = ANSWERS[job.method](job.params);
    return { type: 'engine-result', id: job.id, result };
  } catch (e) {
    return { type: 'engine-error', id: job.id, error: toWireError(e) };
  }
}
