import { JArray, JType, describe, type ElementType, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { inferEltype, isArrayValue, product, shapeOfArray } from '../runtime/shape.js';
import { elementTypeOf } from '../runtime/types.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';
import { dimsFrom } from './dims.js';

/** zeros, ones, trues, falses, fill, similar and FillArrays' Zeros, Ones, Fill (stored dense). */

function filled(shape: number[], v: Value, eltype: ElementType): JArray {
  return new JArray(shape, new Array<Value>(product(shape)).fill(v), eltype);
}

/** zeros(dims...) / zeros(T, dims...) and the same for ones. */
function constant(name: string, unit: 0 | 1): Builtin {
  return builtin(`${name}(dims...) / ${name}(T, dims...)`, (args, kwargs) => {
    allowKwargs(name, kwargs);
    const t = args[0] instanceof JType ? args[0] : undefined;
    const eltype = t === undefined ? 'float' : elementTypeOf(t);
    const shape = dimsFrom(name, t === undefined ? args : args.slice(1));
    return filled(shape, eltype === 'bool' ? unit === 1 : unit, eltype === 'any' ? 'float' : eltype);
  });
}

function fill(name: string): Builtin {
  return builtin(`${name}(v, dims...)`, (args, kwargs) => {
    arity(name, args, 1, Infinity);
    allowKwargs(name, kwargs);
    const v = arg(args, 0);
    return filled(dimsFrom(name, args.slice(1)), v, inferEltype([v]));
  });
}

export const creationBuiltins: Builtin[] = [
  constant('zeros', 0),
  constant('ones', 1),
  constant('Zeros', 0),
  constant('Ones', 1),
  // Turing's `tzeros`, from its particle samplers' task-copied arrays: plain zeros outside them.
  constant('tzeros', 0),
  builtin('trues(dims...)', (args, kwargs) => {
    allowKwargs('trues', kwargs);
    return filled(dimsFrom('trues', args), true, 'bool');
  }),
  builtin('falses(dims...)', (args, kwargs) => {
    allowKwargs('falses', kwargs);
    return filled(dimsFrom('falses', args), false, 'bool');
  }),
  fill('fill'),
  fill('Fill'),
  // Julia's `Ref(x)`, a box read and written as `r[]` (`(pos[] += 1)`) and one value in a broadcast (`in.(x, Ref(s))`): `fill(x)`'s 0-dimensional array.
  builtin('Ref(x)', (args, kwargs) => {
    arity('Ref', args, 1);
    allowKwargs('Ref', kwargs);
    const v = arg(args, 0);
    return filled([], v, inferEltype([v]));
  }),
  // FillArrays' `Eye(n)` / `Eye(m, n)`: the identity, as the probabilistic PCA tutorial writes it.
  builtin('Eye(n) / Eye(m, n)', (args, kwargs) => {
    arity('Eye', args, 1, 2);
    allowKwargs('Eye', kwargs);
    const [m, n] = dimsFrom('Eye', args.length === 1 ? [arg(args, 0), arg(args, 0)] : args);
    const data = new Array<Value>(m! * n!).fill(0);
    for (let i = 0; i < Math.min(m!, n!); i++) data[i + i * m!] = 1;
    return JArray.matrix(m!, n!, data, 'float');
  }),
  builtin('similar(x) / similar(x, T) / similar(x, T, dims...)', (args, kwargs) => {
    arity('similar', args, 1, Infinity);
    allowKwargs('similar', kwargs);
    const x = arg(args, 0);
    if (!isArrayValue(x)) return fail(`similar needs an array, got ${describe(x)}`);
    const t = args[1] instanceof JType ? args[1] : undefined;
    const rest = args.slice(t === undefined ? 1 : 2);
    const shape = rest.length ? dimsFrom('similar', rest) : shapeOfArray(x).slice();
    const eltype = t !== undefined ? elementTypeOf(t) : x instanceof JArray ? x.eltype : 'float';
    return new JArray(shape, new Array(product(shape)).fill(undefined), eltype);
  }),
];
