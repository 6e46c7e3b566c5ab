import { prepare } from '../../core/lang/index.js';
import { toDiagnostic } from '../../core/lang/compile/index.js';
import { autoChoice, BoundModel } from '../../core/model/index.js';
import { Rng } from '../../core/rng/index.js';
import type { AutoBackend, EngineRequest, EngineResult } from '../api.js';

/** What `--ad auto` differentiates the model with and why, found as a run finds it (the model and data alone decide). */
export function autoBackend(request: EngineRequest): EngineResult<AutoBackend> {
  const prepared = prepare(request);
  if (!prepared.ok) return prepared;
  const { model, args } = prepared.value;
  try {
    const { bound } = BoundModel.discover(model, args, Rng.seeded(request.seed ?? 1));
    const auto = autoChoice(bound);
    return { ok: true, value: { backend: auto.label, reason: auto.reason }, warnings: prepared.warnings };
  } catch (e) {
    return { ok: false, diagnostics: [...prepared.warnings, toDiagnostic(request.source, e, model.params[0]?.span ?? { from: 0, to: 0 })] };
  }
}
