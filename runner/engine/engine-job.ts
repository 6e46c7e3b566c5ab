import { toWireError, type EngineJob, type EngineReply, type OptimizeRequest } from '../protocol.js';
import { benchmark } from './benchmark.js';
import { check } from './check.js';
import { optimizeModel } from './optimize.js';

/** Answers one engine request in the engine process; an unexpected failure is an error reply, not a crash. */
export function runEngineJob(job: EngineJob): EngineReply {
  try {
    const result = job.method === 'check' ? check(job.params) : job.method === 'benchmark' ? benchmark(job.params) : optimizeModel(job.params as OptimizeRequest);
    return { type: 'engine-result', id: job.id, result };
  } catch (e) {
    return { type: 'engine-error', id: job.id, error: toWireError(e) };
  }
}
