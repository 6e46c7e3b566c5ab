import { Context, ModelError, NOTHING } from '../../model/index.js';
import type { Runtime } from './types.js';

/** Plain functions cannot contain `~` (the compiler refuses), so their runtime never consults a context. */
class NoContext extends Context {
  protected valueOf(): never {
    throw new ModelError('`~` is only allowed inside an `@model` function', undefined);
  }
}
const NO_CONTEXT = new NoContext();
/** A plain function's runtime has no model arguments: `~` inside it is refused before this is read. */
const NO_ARGUMENTS: ReadonlySet<string> = new Set();

/** The runtime of code outside any model: a plain function's body, a script's top-level line. */
export function plainRuntime(): Runtime {
  return { ctx: NO_CONTEXT, prefix: '', argNames: NO_ARGUMENTS, endStack: [], last: NOTHING };
}
