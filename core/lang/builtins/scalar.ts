import type { Real } from '../../ad/index.js';
import { MISSING, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { numeric } from '../runtime/scalars.js';
import { dimsText, isArrayValue, shapeOfArray } from '../runtime/shape.js';
import { arg, arity, allowKwargs, builtin, type Builtin } from './define.js';

/** Functions of numbers: `missing` passes through, and an array is Julia's MethodError pointing to `f.(x)`. */

/** The number argument of `name`, or undefined for `missing`. */
export function scalarArg(name: string, v: Value): Real | undefined {
  const x = numeric(v);
  if (x !== undefined) return x;
  if (v === MISSING) return undefined;
  if (isArrayValue(v)) return fail(`${name} is not defined for ${dimsText(shapeOfArray(v))}; use \`${name}.(x)\` to apply it to each element`);
  return fail(`${name} needs a number, got ${describe(v)}`);
}

export function unary(signature: string, f: (x: Real) => Value): Builtin {
  const b = builtin(signature, (args, kwargs) => {
    arity(b.name, args, 1);
    allowKwargs(b.name, kwargs);
    const x = scalarArg(b.name, arg(args, 0));
    return x === undefined ? MISSING : f(x);
  });
  return b;
}

export function binary(signature: string, f: (x: Real, y: Real) => Value): Builtin {
  const b = builtin(signature, (args, kwargs) => {
    arity(b.name, args, 2);
    allowKwargs(b.name, kwargs);
    const x = scalarArg(b.name, arg(args, 0));
    const y = scalarArg(b.name, arg(args, 1));
    return x === undefined || y === undefined ? MISSING : f(x, y);
  });
  return b;
}
