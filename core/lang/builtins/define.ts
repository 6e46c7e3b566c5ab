import { describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';

/** How every built-in is declared: its Julia name, a one-line signature for the editor, and its body. */
export interface Builtin {
  name: string;
  signature: string;
  call: (args: Value[], kwargs: Map<string, Value>) => Value;
}

export function builtin(signature: string, call: Builtin['call']): Builtin {
  return { name: signature.slice(0, signature.indexOf('(')), signature, call };
}

export function arity(name: string, args: readonly Value[], min: number, max = min): void {
  if (args.length >= min && args.length <= max) return;
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  fail(`${name} takes ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}`);
}

export function allowKwargs(name: string, kwargs: ReadonlyMap<string, Value>, allowed: readonly string[] = []): void {
  for (const k of kwargs.keys()) {
    if (!allowed.includes(k)) fail(`${name} has no keyword argument \`${k}\`${allowed.length ? ` (it takes ${allowed.join(', ')})` : ''}`);
  }
}

/** Positional argument i, which `arity` has already guaranteed. */
export function arg(args: readonly Value[], i: number): Value {
  return args[i] as Value;
}

export function boolKwarg(name: string, kwargs: ReadonlyMap<string, Value>, key: string, fallback: boolean): boolean {
  const v = kwargs.get(key);
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') fail(`${name}: \`${key}\` must be true or false, got ${describe(v)}`);
  return v;
}

/** A built-in of exactly one positional argument and no keywords. */
export function single(signature: string, f: (x: Value) => Value): Builtin {
  const b = builtin(signature, (args, kwargs) => {
    arity(b.name, args, 1);
    allowKwargs(b.name, kwargs);
    return f(arg(args, 0));
  });
  return b;
}
