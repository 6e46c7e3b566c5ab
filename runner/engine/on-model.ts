import { prepare } from '../../core/lang/index.js';
import { toDiagnostic } from '../../core/lang/compile/index.js';
import type { Model, Value } from '../../core/model/index.js';
import type { EngineRequest, EngineResult } from '../api.js';

/**
 * An engine request's work on the user's model: compiled and bound to its data (a model that does not is
 * the check's diagnostics), then `work`, whose failure is a diagnostic on the model — at its statement, or
 * at its first argument — after the check's warnings.
 */
export function onModel<T>(request: EngineRequest, work: (model: Model, args: Map<string, Value>) => T): EngineResult<T> {
  const prepared = prepare(request);
  if (!prepared.ok) return prepared;
  const { model, args } = prepared.value;
  try {
    return { ok: true, value: work(model, args), warnings: prepared.warnings };
  } catch (e) {
    return { ok: false, diagnostics: [...prepared.warnings, toDiagnostic(request.source, e, model.params[0]?.span ?? { from: 0, to: 0 })] };
  }
}
