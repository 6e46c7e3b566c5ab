import { JFunction, type Value } from '../../model/index.js';
import { isApprox, type Tolerance } from '../runtime/approx.js';
import { binaryOp, unaryOp } from '../runtime/arithmetic.js';
import { compareOp } from '../runtime/compare.js';
import { fail } from '../runtime/errors.js';
import { toReal } from '../runtime/convert.js';
import { value } from '../../ad/index.js';
import { allowKwargs, arity, boolKwarg } from './define.js';

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

/** Julia's Base.Fix2: `f(x)` is the predicate `y -> f(y, x)`, as in `count(>(0), v)` and `findfirst(==(2.0), v)`. */
export function fixSecond(name: string, x: Value, apply: (a: Value, b: Value) => Value): JFunction {
  return new JFunction(`${name}(…)`, (args, kwargs) => {
    arity(name, args, 1);
    allowKwargs(name, kwargs);
    return apply(args[0]!, x);
  });
}

/** A comparison `a op b`, and `op(x)`, its Fix2. */
function comparison(op: string, apply: (a: Value, b: Value) => Value): JFunction {
  return new JFunction(op, (args, kwargs) => {
    arity(op, args, 1, 2);
    allowKwargs(op, kwargs);
    return args.length === 1 ? fixSecond(op, args[0]!, apply) : apply(args[0]!, args[1]!);
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

function nonNegative(name: string, key: string, v: Value | undefined): number | undefined {
  if (v === undefined) return undefined;
  const t = value(toReal(v, `${name}: ${key}`));
  if (!(t >= 0)) fail(`${name}: ${key} must be non-negative, got ${t}`);
  return t;
}

/** isapprox's keywords atol, rtol and nans (Julia's `norm` keyword is not supported). */
export function tolerance(name: string, kwargs: ReadonlyMap<string, Value>): Tolerance {
  allowKwargs(name, kwargs, ['atol', 'rtol', 'nans']);
  const atol = nonNegative(name, 'atol', kwargs.get('atol'));
  const rtol = nonNegative(name, 'rtol', kwargs.get('rtol'));
  return { ...(atol !== undefined && { atol }), ...(rtol !== undefined && { rtol }), nans: boolKwarg(name, kwargs, 'nans', false) };
}

/** `≈` and `≉`, which take isapprox's keywords when called: `≈(a, b; atol = 1e-8)`. */
function approximately(op: '≈' | '≉'): JFunction {
  const negate = op === '≉';
  return new JFunction(op, (args, kwargs) => {
    arity(op, args, 1, 2);
    const tol = tolerance(op, kwargs);
    const apply = (a: Value, b: Value): boolean => isApprox(a, b, tol, op) !== negate;
    return args.length === 1 ? fixSecond(op, args[0]!, apply) : apply(args[0]!, args[1]!);
  });
}

const ARITHMETIC = ['/', '\\', '^', '%', '÷'];
const COMPARISONS = ['==', '!=', '≠', '<', '>', '<=', '>=', '≤', '≥', '===', '!==', 'in', '∈', '∉'];

export const operatorFunctions: ReadonlyMap<string, JFunction> = new Map([
  ...['+', '*', '&', '|'].map((op): [string, JFunction] => [op, chained(op)]),
  ['-', minus],
  ['!', not],
  ...ARITHMETIC.map((op): [string, JFunction] => [op, twoArguments(op, (a, b) => binaryOp(op, a, b))]),
  ...COMPARISONS.map((op): [string, JFunction] => [op, comparison(op, (a, b) => compareOp(op, a, b))]),
  ['isa', twoArguments('isa', (a, b) => compareOp('isa', a, b))],
  ['≈', approximately('≈')],
  ['≉', approximately('≉')],
]);
