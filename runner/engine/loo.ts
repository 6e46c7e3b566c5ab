import { runLoo, type RunLoo } from '../../core/run/index.js';
import type { EngineResult } from '../api.js';
import { chainsOf } from '../draws-table.js';
import type { LooRequest } from '../protocol.js';
import { onModel } from './on-model.js';

/**
 * `tilde loo`'s work, in the engine process as prediction's is (the model runs at every draw, and a model
 * that loops at one is stopped there): PSIS-LOO of the posterior draws, moment-matched when asked.
 */
export function looDraws(request: LooRequest): EngineResult<RunLoo> {
  return onModel(request, (model, args) => runLoo(model, args, chainsOf(request.posterior), { momentMatch: request.momentMatch === true }));
}
