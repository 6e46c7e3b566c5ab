import { ModelError } from '../../model/index.js';

/** Run-time library errors carry no span: the evaluator attaches the span of the call or operator. */
export function fail(message: string): never {
  throw new ModelError(message, undefined);
}
