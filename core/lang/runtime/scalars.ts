import { nodeByRule, ops, value, type Real } from '../../ad/index.js';
import { JFunction, describe, isReal, type Value } from '../../model/index.js';
import { fail } from './errors.js';
import { toInt } from './convert.js';
import { dependsOn } from './dependence.js';

/** Julia's binary operators on single numbers (Bool counts as 0/1 in arithmetic, as in Julia). */

export const LOGICAL_OPS = new Set(['&', '|', '⊻']);

/** `rem`: the sign of the dividend, like JS `%`; d/da = 1, d/db = −trunc(a/b). */
function rem(a: Real, b: Real): Real {
  if (typeof a === 'number' && typeof b === 'number') return a % b;
  return nodeByRule([a, b], (x, p) => {
    p[0] = 1;
    p[1] = -Math.trunc(x[0]! / x[1]!);
    return x[0]! % x[1]!;
  });
}

export function realArith(op: string, a: Real, b: Real): Real {
  switch (op) {
    case '+':
      return ops.add(a, b);
    case '-':
      return ops.sub(a, b);
    case '*':
      return ops.mul(a, b);
    case '/':
      return ops.div(a, b);
    case '\\':
      return ops.div(b, a);
    case '^':
      return ops.pow(a, b);
    case '%':
      return rem(a, b);
    case '÷':
      // Piecewise constant: no derivative to carry, but the value is fixed by the parameters.
      dependsOn('an integer division (`÷`)', [a, b]);
      return Math.trunc(value(a) / value(b));
  }
  return fail(`unknown operator ${op}`);
}

/** `&`, `|`, `⊻`: logical on Bools, bitwise on integers. */
export function logicalArith(op: string, a: Value, b: Value): Value {
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    if (op === '&') return a && b;
    if (op === '|') return a || b;
    return a !== b;
  }
  const x = toInt(a, `the left operand of ${op}`);
  const y = toInt(b, `the right operand of ${op}`);
  if (op === '&') return x & y;
  if (op === '|') return x | y;
  return x ^ y;
}

/** Bool → 0/1, Real as is, anything else undefined. */
export function numeric(v: Value): Real | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isReal(v)) return v;
  return undefined;
}

export function unaryScalar(op: string, a: Value): Value {
  if (op === '!') {
    if (typeof a === 'boolean') return !a;
    // `!f` is Julia's `(!) ∘ f`, as in `filter(!isnan, x)`.
    if (a instanceof JFunction) return new JFunction(`!${a.name}`, (args, kwargs) => unaryScalar('!', a.call(args, kwargs)));
    return fail(`\`!\` needs a Bool, got ${describe(a)}`);
  }
  const x = numeric(a);
  if (x === undefined) return fail(`unary \`${op}\` is not defined for ${describe(a)}`);
  return op === '-' ? ops.neg(x) : x;
}
