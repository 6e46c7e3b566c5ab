import { describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { Pair } from '../runtime/pair.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';

/** `a => b` (the parser's `Pair(a, b)`). */

/** A `k => v` argument, with what the function needs of it named in the message otherwise. */
export function pairArg(name: string, v: Value, what: string): Pair {
  if (!(v instanceof Pair)) return fail(`${name} needs ${what}, got ${describe(v)}`);
  return v;
}

export const pairBuiltins: Builtin[] = [
  builtin('Pair(a, b)', (args, kwargs) => {
    arity('Pair', args, 2);
    allowKwargs('Pair', kwargs);
    return new Pair(arg(args, 0), arg(args, 1));
  }),
];
