import type * as A from '../ast.js';
import { JFunction, ModelError, type Value } from '../../model/index.js';
import type { Ev } from './types.js';

/**
 * `(a, b) -> body` at run time: a function closing over the scope it is created in, so the body reads
 * the enclosing function's locals as they are when it is called (Julia captures variables, not values).
 * Each call binds the parameters in a fresh child scope. `text` is the lambda as written, its name in
 * messages.
 */
export function lambdaValue(e: A.Lambda, text: string, body: Ev): Ev {
  const names = e.params.map((p) => p.name);
  return (s, rt) =>
    new JFunction(text, (args, kwargs) => {
      if (args.length !== names.length || kwargs.size > 0) throw new ModelError(callMismatch(text, names.length, args.length, kwargs), undefined);
      const scope = s.child();
      for (let i = 0; i < names.length; i++) scope.declare(names[i]!, args[i]!);
      return body(scope, rt);
    });
}

function callMismatch(text: string, expected: number, given: number, kwargs: ReadonlyMap<string, Value>): string {
  if (given === expected) return `\`${text}\` takes no keyword arguments, got \`${[...kwargs.keys()].join('`, `')}\``;
  return `\`${text}\` takes ${expected} argument${expected === 1 ? '' : 's'}, got ${given}`;
}

/** A parameter named twice (`(x, x) -> …`), which Julia rejects. */
export function repeatedParam(e: A.Lambda): A.Ident | undefined {
  return e.params.find((p, i) => e.params.findIndex((q) => q.name === p.name) < i);
}
