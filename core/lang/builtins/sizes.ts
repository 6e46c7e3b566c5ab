import { JArray, JNamedTuple, JRange, JTuple, MISSING, describe, isDistribution, isReal, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { toInt } from '../runtime/convert.js';
import { ODESolution } from '../runtime/ode-values.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';

/** Sizes and index ranges: length, size, ndims, eachindex, axes, firstindex, lastindex. */

/** The shape of anything with a size; numbers are 0-dimensional. */
function shapeOf(name: string, x: Value): number[] {
  if (x instanceof JArray) return x.shape;
  if (x instanceof JRange) return [x.length];
  if (x instanceof JTuple) return [x.items.length];
  if (x instanceof JNamedTuple) return [x.entries.size];
  if (typeof x === 'string') return [[...x].length];
  if (isDistribution(x)) return x.shape.slice();
  if (isReal(x) || typeof x === 'boolean' || x === MISSING) return [];
  return fail(`${name} is not defined for ${describe(x)}`);
}

function dimArg(name: string, d: Value): number {
  const k = toInt(d, `${name}: the dimension`);
  if (k < 1) fail(`${name}: dimensions are numbered from 1, got ${k}`);
  return k - 1;
}

function oneTo(n: number): JRange {
  return new JRange(1, 1, n);
}

function sized(signature: string, f: (shape: number[], dim: number | undefined, args: Value[]) => Value, maxArgs = 2): Builtin {
  const b = builtin(signature, (args, kwargs) => {
    arity(b.name, args, 1, maxArgs);
    allowKwargs(b.name, kwargs);
    const shape = shapeOf(b.name, arg(args, 0));
    return f(shape, args.length === 2 ? dimArg(b.name, arg(args, 1)) : undefined, args);
  });
  return b;
}

const total = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/**
 * What `length`, `eachindex` and `lastindex` count: the elements, except for an ODE solution, which SciML
 * counts by its saved times (`for i in eachindex(sol)` reads `sol[i]`, a state).
 */
function linearLength(name: string, x: Value): number {
  return x instanceof ODESolution ? x.times : total(shapeOf(name, x));
}

export const sizeBuiltins: Builtin[] = [
  builtin('length(x)', (args, kwargs) => {
    arity('length', args, 1);
    allowKwargs('length', kwargs);
    return linearLength('length', arg(args, 0));
  }),
  sized('ndims(x)', (shape) => shape.length, 1),
  sized('isempty(x)', (shape) => total(shape) === 0, 1),
  sized('size(x) / size(x, d)', (shape, d) => (d === undefined ? new JTuple(shape.slice()) : (shape[d] ?? 1))),
  sized('axes(x) / axes(x, d)', (shape, d) => (d === undefined ? new JTuple(shape.map(oneTo)) : oneTo(shape[d] ?? 1))),
  sized('firstindex(x) / firstindex(x, d)', () => 1),
  sized('lastindex(x) / lastindex(x, d)', (shape, d, args) => (d === undefined ? linearLength('lastindex', arg(args, 0)) : (shape[d] ?? 1))),
  builtin('eachindex(x, ...)', (args, kwargs) => {
    arity('eachindex', args, 1, Infinity);
    allowKwargs('eachindex', kwargs);
    const lengths = args.map((a) => linearLength('eachindex', a));
    if (lengths.some((n) => n !== lengths[0])) fail(`eachindex: all arguments must have the same length, got ${lengths.join(', ')}`);
    return oneTo(lengths[0]!);
  }),
];
