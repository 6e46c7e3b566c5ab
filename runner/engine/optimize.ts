import { optimize, type OptimizeResult } from '../../core/run/index.js';
import type { EngineResult } from '../api.js';
import type { OptimizeRequest } from '../protocol.js';
import { onModel } from './on-model.js';

/** The posterior mode (MAP) or the maximum-likelihood estimate; a failure is a diagnostic on the model. */
export function optimizeModel(request: OptimizeRequest): EngineResult<OptimizeResult> {
  return onModel(request, (model, args) =>
    optimize(model, args, {
      kind: request.kind,
      seed: request.seed ?? 1,
      ...(request.ad !== undefined ? { ad: request.ad } : {}),
      ...(request.init !== undefined ? { init: request.init } : {}),
    }),
  );
}
