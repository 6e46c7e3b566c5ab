import { JArray, UniformScaling, describe, type Value } from '../../model/index.js';
import { binaryOp } from './arithmetic.js';
import { broadcast } from './broadcast.js';
import { fail } from './errors.js';
import { numeric, realArith } from './scalars.js';
import { dimsText, materialize, isArrayValue, shapeOfArray } from './shape.js';

/** Arithmetic with `I` / `λ*I`, which takes whatever size the other operand has. */

function scaleArray(a: Value, lambda: Value, op: '*' | '/'): Value {
  return broadcast((xs) => binaryOp(op, xs[0]!, lambda), [a]);
}

/** A ± λI (or λI ± A when `scalingFirst`). */
function addToDiagonal(a: JArray, lambda: Value, op: '+' | '-', scalingFirst: boolean): JArray {
  const shape = a.shape;
  if (shape.length !== 2 || shape[0] !== shape[1]) fail(`\`${op}\` with I needs a square matrix, got ${dimsText(shape)}`);
  const n = shape[0]!;
  const base = scalingFirst && op === '-' ? (broadcast((xs) => binaryOp('-', 0, xs[0]!), [a]) as JArray) : a;
  const data = base.data.slice();
  const shift = scalingFirst || op === '+' ? lambda : binaryOp('-', 0, lambda);
  for (let i = 0; i < n; i++) data[i + i * n] = binaryOp('+', data[i + i * n]!, shift);
  return new JArray([n, n], data, base.eltype === 'any' ? 'any' : 'float');
}

export function scalingArith(op: string, a: Value, b: Value): Value {
  const sa = a instanceof UniformScaling ? a.lambda : undefined;
  const sb = b instanceof UniformScaling ? b.lambda : undefined;
  if (sa !== undefined && sb !== undefined && (op === '+' || op === '-' || op === '*')) return new UniformScaling(realArith(op, sa, sb));
  if (sa !== undefined) {
    const y = numeric(b);
    if (y !== undefined && (op === '*' || op === '/')) return new UniformScaling(realArith(op, sa, y));
    if (isArrayValue(b)) {
      if (op === '*') return scaleArray(b, sa, '*');
      if (op === '\\') return scaleArray(b, sa, '/');
      if (op === '+' || op === '-') return addToDiagonal(materialize(b), sa, op, true);
    }
  }
  if (sb !== undefined) {
    const x = numeric(a);
    if (x !== undefined && op === '*') return new UniformScaling(realArith(op, x, sb));
    if (x !== undefined && op === '\\') return new UniformScaling(realArith('/', sb, x));
    if (isArrayValue(a)) {
      if (op === '*') return scaleArray(a, sb, '*');
      if (op === '/') return scaleArray(a, sb, '/');
      if (op === '+' || op === '-') return addToDiagonal(materialize(a), sb, op, false);
    }
  }
  const shape = (v: Value): string => (isArrayValue(v) ? dimsText(shapeOfArray(v)) : describe(v));
  return fail(`\`${op}\` is not defined for ${shape(a)} and ${shape(b)}`);
}
