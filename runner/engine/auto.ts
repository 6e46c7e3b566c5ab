import { autoChoice, BoundModel } from '../../core/model/index.js';
import { Rng } from '../../core/rng/index.js';
import type { AutoBackend, EngineRequest, EngineResult } from '../api.js';
import { onModel } from './on-model.js';

/** What `--ad auto` differentiates the model with and why, found as a run finds it (the model and data alone decide). */
export function autoBackend(request: EngineRequest): EngineResult<AutoBackend> {
  return onModel(request, (model, args) => {
    const { bound } = BoundModel.discover(model, args, Rng.seeded(request.seed ?? 1));
    const auto = autoChoice(bound);
    return { backend: auto.label, reason: auto.reason };
  });
}
