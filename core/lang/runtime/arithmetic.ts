import { JCholesky, JDate, JDateTime, JPeriod, MISSING, ModelInstance, UniformScaling, describe, isDistribution, type Value } from '../../model/index.js';
import { broadcast } from './broadcast.js';
import { broadcastBinary } from './broadcast-arithmetic.js';
import { fail } from './errors.js';
import { choleskySolve, leftDivide, matrixPower, multiply, rightDivide } from './products.js';
import { LOGICAL_OPS, logicalArith, numeric, realArith, unaryScalar } from './scalars.js';
import { scalingArith } from './scaling.js';
import { dimsText, isArrayValue, promotableShapes, shapeOfArray } from './shape.js';
import { affineDistribution } from './affine.js';
import { dateArith, negatedPeriod } from './dates.js';
import { variableValues } from './variable-values.js';
import { KernelValue } from './gp-values.js';
import { kernelArith } from './kernel-arithmetic.js';

/** The non-dotted binary and unary operators, with Julia's meaning for every operand kind. */

const OP_NAMES: Record<string, string> = { '+': 'addition', '-': 'subtraction', '*': 'multiplication', '/': 'division', '^': 'power', '%': 'remainder', '÷': 'integer division' };


/** Julia defines `array + scalar` as a MethodError that points to the dotted operator; so do we. */
function needsDot(op: string, a: Value, b: Value): never {
  const what = (v: Value): string => (isArrayValue(v) ? dimsText(shapeOfArray(v)) : numeric(v) !== undefined ? 'a number' : describe(v));
  return fail(`\`${op}\` is not defined for ${what(a)} and ${what(b)}; for elementwise ${OP_NAMES[op] ?? 'operations'} use \`.${op}\``);
}

function arrayArith(op: string, a: Value, b: Value): Value {
  const aArr = isArrayValue(a);
  const bArr = isArrayValue(b);
  switch (op) {
    case '+':
    case '-':
      if (!aArr || !bArr) return needsDot(op, a, b);
      if (!promotableShapes(shapeOfArray(a), shapeOfArray(b))) fail(`dimension mismatch: ${dimsText(shapeOfArray(a))} and ${dimsText(shapeOfArray(b))}`);
      return broadcastBinary(op, a, b);
    case '*':
      return aArr && bArr ? multiply(a, b) : broadcastBinary(op, a, b);
    case '/':
      if (aArr && bArr) return rightDivide(a, b);
      return bArr ? needsDot(op, a, b) : broadcastBinary(op, a, b);
    case '\\':
      if (aArr && bArr) return leftDivide(a, b);
      return aArr ? needsDot(op, a, b) : broadcastBinary(op, a, b);
    case '^':
      return aArr && !bArr ? matrixPower(a, b) : needsDot(op, a, b);
  }
  return needsDot(op, a, b);
}

/** Turing's `model | (; y = …)` (and `condition(model, …)`): the model with those random variables observed. */
export function conditionModel(model: ModelInstance, values: Value): ModelInstance {
  return model.conditioned(variableValues(values, `\`${model.name}(…) | …\``));
}

export function binaryOp(op: string, a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    // The overwhelmingly common case, kept free of any dispatch.
    if (op === '+') return a + b;
    if (op === '*') return a * b;
    if (op === '-') return a - b;
    if (op === '/') return a / b;
    if (!LOGICAL_OPS.has(op)) return realArith(op, a, b);
  }
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return LOGICAL_OPS.has(op) ? logicalArith(op, a, b) : realArith(op, x, y);
  if (a === MISSING || b === MISSING) return MISSING;
  if (a instanceof ModelInstance && op === '|') return conditionModel(a, b);
  if (isDistribution(a) || isDistribution(b)) return affineDistribution(op, a, b);
  if (a instanceof KernelValue || b instanceof KernelValue || op === '∘') return kernelArith(op, a, b);
  if (a instanceof UniformScaling || b instanceof UniformScaling) return scalingArith(op, a, b);
  if (a instanceof JCholesky && op === '\\') return choleskySolve(a, b);
  if (typeof a === 'string' && typeof b === 'string' && op === '*') return a + b;
  if (isArrayValue(a) || isArrayValue(b)) return arrayArith(op, a, b);
  if ([a, b].some((v) => v instanceof JDate || v instanceof JDateTime || v instanceof JPeriod)) return dateArith(op, a, b);
  return fail(`\`${op}\` is not defined for ${describe(a)} and ${describe(b)}`);
}

export function unaryOp(op: string, a: Value): Value {
  if (a === MISSING) return MISSING;
  if (isArrayValue(a) && op !== '!') return broadcast((xs) => unaryOp(op, xs[0]!), [a]);
  if (a instanceof UniformScaling && op !== '!') return op === '-' ? scalingArith('*', -1, a) : a;
  if (isDistribution(a) && op === '-') return affineDistribution('*', -1, a);
  if (a instanceof JPeriod && op === '-') return negatedPeriod(a);
  return unaryScalar(op, a);
}
