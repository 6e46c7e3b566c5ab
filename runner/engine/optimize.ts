import { prepare } from '../../core/lang/index.js';
import { toDiagnostic } from '../../core/lang/compile/index.js';
import { optimize, type OptimizeResult } from '../../core/run/index.js';
import type { EngineResult } from '../api.js';
import type { OptimizeRequest } from '../protocol.js';

/** The posterior mode (MAP) or the maximum-likelihood estimate; a failure is a diagnostic on the model. */
export function optimizeModel(request: OptimizeRequest): EngineResult<OptimizeResult> {
  const prepared = prepare(request);
  if (!prepared.ok) return prepared;
  const { model, args } = prepared.value;
  try {
    const value = optimize(model, args, {
      kind: request.kind,
      seed: request.seed ?? 1,
      ...(request.ad !== undefined ? { ad: request.ad } : {}),
      ...(request.init !== undefined ? { init: request.init } : {}),
    });
    return { ok: true, value, warnings: prepared.warnings };
  } catch (e) {
    return { ok: false, diagnostics: [...prepared.warnings, toDiagnostic(request.source, e, model.params[0]?.span ?? { from: 0, to: 0 })] };
  }
}
