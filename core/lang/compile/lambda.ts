import type * as A from '../ast.js';
import { JFunction, ModelError, NOTHING, type Span, type Value } from '../../model/index.js';
import type { Scope } from './scope.js';
import type { Ev, Exec } from './types.js';

/**
 * `(a, b) -> body` at run time: a function closing over the scope it is created in, so the body reads
 * the enclosing function's locals as they are when it is called (Julia captures variables, not values).
 * Each call binds the parameters in a fresh child scope. `text` is the lambda as written, its name in
 * messages.
 */
export function lambdaValue(text: string, params: ((s: Scope, v: Value) => void)[], body: Ev): Ev {
  const n = params.length;
  return (s, rt) =>
    new JFunction(text, (args, kwargs) => {
      if (args.length !== n || kwargs.size > 0) throw new ModelError(callMismatch(text, n, args.length, kwargs), undefined);
      const scope = s.child();
      for (let i = 0; i < n; i++) params[i]!(scope, args[i]!);
      return body(scope, rt);
    }, (m) => m === n);
}

/**
 * A body of statements as a function's value: what `return` gives, else the value of the last statement
 * run. The caller's last value is kept: the call happens in the middle of one of its statements.
 */
export function blockValue(block: Exec, span: Span): Ev {
  return (s, rt) => {
    const callers = rt.last;
    rt.last = NOTHING;
    try {
      const signal = block(s, rt);
      if (signal?.kind === 'return') return signal.value;
      if (signal) throw new ModelError(`\`${signal.kind}\` outside a loop`, span);
      return rt.last;
    } finally {
      rt.last = callers;
    }
  };
}

function callMismatch(text: string, expected: number, given: number, kwargs: ReadonlyMap<string, Value>): string {
  if (given === expected) return `\`${text}\` takes no keyword arguments, got \`${[...kwargs.keys()].join('`, `')}\``;
  return `\`${text}\` takes ${expected} argument${expected === 1 ? '' : 's'}, got ${given}`;
}

/** The names a parameter binds: itself, or each name of a destructuring tuple. */
function paramNames(p: A.Expr): A.Ident[] {
  if (p.kind === 'ident') return [p];
  return p.kind === 'tuple' ? p.items.flatMap(paramNames) : [];
}

/** A parameter named twice (`(x, x) -> …`), which Julia rejects. */
export function repeatedParam(e: A.Lambda): A.Ident | undefined {
  const names = e.params.flatMap(paramNames);
  return names.find((p, i) => names.findIndex((q) => q.name === p.name) < i);
}
