import { JFunction, type Value } from '../../model/index.js';
import { binaryOp, unaryOp } from '../runtime/arithmetic.js';
import { compareOp } from '../runtime/compare.js';
import { allowKwargs, arity } from './define.js';

/**
 * Operators as function values, for `mapreduce(f, +, x)`, `reduce(*, x)` or `f = (-)`: the parser reads
 * an operator standing alone as a name, which resolves here. Each means what the operator means.
 */

/** `+`, `*`, `&`, `|` take any number of arguments, folded from the left as Julia does. */
function chained(op: string): JFunction {
  return new JFunction(op, (args, kwargs) => {
    arity(op, args, 1, Infinity);
    allowKwargs(op, kwargs);
    return args.reduce((a, b) => binaryOp(op, a, b));
  });
}

function twoArguments(op: string, apply: (a: Value, b: Value) => Value): JFunction {
  return new JFunction(op, (args, kwargs) => {
    arity(op, args, 2);
    allowKwargs(op, kwargs);
    return apply(args[0]!, args[1]!);
  });
}

/** `-x` and `a - b`. */
const minus = new JFunction('-', (args, kwargs) => {
  arity('-', args, 1, 2);
  allowKwargs('-', kwargs);
  return args.length === 1 ? unaryOp('-', args[0]!) : binaryOp('-', args[0]!, args[1]!);
});

const not = new JFunction('!', (args, kwargs) => {
  arity('!', args, 1);
  allowKwargs('!', kwargs);
  return unaryOp('!', args[0]!);
});

const ARITHMETIC = ['/', '\\', '^', '%', '÷'];
const COMPARISONS = ['==', '!=', '≠', '<', '>', '<=', '>=', '≤', '≥'];

export const operatorFunctions: ReadonlyMap<string, JFunction> = new Map([
  ...['+', '*', '&', '|'].map((op): [string, JFunction] => [op, chained(op)]),
  ['-', minus],
  ['!', not],
  ...ARITHMETIC.map((op): [string, JFunction] => [op, twoArguments(op, (a, b) => binaryOp(op, a, b))]),
  ...COMPARISONS.map((op): [string, JFunction] => [op, twoArguments(op, (a, b) => compareOp(op, a, b))]),
]);
