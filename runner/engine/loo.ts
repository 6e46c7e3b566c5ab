import { LooError } from '../../core/diagnostics/index.js';
import { prepare } from '../../core/lang/index.js';
import { toDiagnostic } from '../../core/lang/compile/index.js';
import { diagnostic } from '../../core/model/index.js';
import { runLoo, type RunLoo } from '../../core/run/index.js';
import type { EngineResult } from '../api.js';
import { chainsOf } from '../draws-table.js';
import type { LooRequest } from '../protocol.js';

/**
 * `tilde loo`'s work, in the engine process as prediction's is (the model runs at every draw, and a model
 * that loops at one is stopped there): PSIS-LOO of the posterior draws.
 */
export function looDraws(request: LooRequest): EngineResult<RunLoo> {
  const prepared = prepare(request);
  if (!prepared.ok) return prepared;
  const { model, args } = prepared.value;
  try {
    return { ok: true, value: runLoo(model, args, chainsOf(request.posterior)), warnings: prepared.warnings };
  } catch (e) {
    const fallback = model.params[0]?.span ?? { from: 0, to: 0 };
    // A LooError is about the draws or what the model observes, the user's to fix, not a fault of Tilde's.
    const failure = e instanceof LooError ? diagnostic(request.source, fallback, e.message) : toDiagnostic(request.source, e, fallback);
    return { ok: false, diagnostics: [...prepared.warnings, failure] };
  }
}
