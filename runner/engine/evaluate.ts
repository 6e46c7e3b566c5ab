import { checkModel, type CheckResult, type Outcome } from '../../core/lang/index.js';
import type { EvaluateRequest } from '../protocol.js';

/**
 * `tilde check`'s answer: the model's densities at a point (and the gradient when a backend is named), in the
 * engine process so that a model that loops forever is stopped instead of hanging the command.
 */
export function evaluate(request: EvaluateRequest): Outcome<CheckResult> {
  return checkModel(request);
}
