import { JFunction, JType, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { callType } from './construct.js';

/** A function-valued argument (`sum(abs2, x)`, `map(f, x)`): a function or a type used as a converter. */
export function asCallable(name: string, f: Value): (args: Value[]) => Value {
  if (f instanceof JFunction) return (args) => f.call(args, new Map());
  if (f instanceof JType) return (args) => callType(f, args, new Map());
  return fail(`${name} needs a function here, got ${describe(f)}`);
}

export function isCallable(f: Value | undefined): boolean {
  return f instanceof JFunction || f instanceof JType;
}
