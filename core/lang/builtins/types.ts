import { value } from '../../ad/index.js';
import { JArray, JRange, JTuple, JType, MISSING, NOTHING, isDistribution, isReal, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { realsOf, toInt } from '../runtime/convert.js';
import { CartesianIndex } from '../runtime/special-arrays.js';
import { isArrayValue, materialize, shapeOfArray } from '../runtime/shape.js';
import { elementTypeOf, elementTypeOfArray, typeOfElements } from '../runtime/types.js';
import { typeOf } from '../runtime/subtypes.js';
import { callType } from './construct.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';
import { scalarArg } from './scalar.js';
import { dependsOn } from '../runtime/dependence.js';

/** Types as values: eltype, conversions, the identities one/zero/eps and the limits typemin/typemax/floatmin/floatmax of a type or a value. */

const FLOAT32_EPS = Math.pow(2, -23);

function eltypeOf(x: Value): JType {
  if (x instanceof JType) return x.params[0] ?? new JType('Any');
  if (x instanceof JArray || x instanceof JRange) return typeOfElements(elementTypeOfArray(x));
  if (isDistribution(x)) return new JType(x.discrete ? 'Int64' : 'Float64');
  if (typeof x === 'boolean') return new JType('Bool');
  if (isReal(x)) return new JType('Float64');
  return new JType('Any');
}

/** `one` / `zero` of a number, a numeric type, or an array (zero: same shape; one: the identity matrix). */
function identityElement(name: 'one' | 'zero', unit: 0 | 1): Builtin {
  return builtin(`${name}(x) / ${name}(T)`, (args, kwargs) => {
    arity(name, args, 1);
    allowKwargs(name, kwargs);
    const x = arg(args, 0);
    if (x instanceof JType) return elementTypeOf(x) === 'bool' ? unit === 1 : unit;
    if (typeof x === 'boolean') return unit === 1;
    if (isArrayValue(x)) {
      const shape = shapeOfArray(x).slice();
      if (unit === 0) return new JArray(shape, new Array<Value>(x.length).fill(0), 'float');
      if (shape.length !== 2 || shape[0] !== shape[1]) fail(`one of ${describe(x)} is not defined: it needs a square matrix`);
      const n = shape[0]!;
      const data = new Array<Value>(n * n).fill(0);
      for (let i = 0; i < n; i++) data[i + i * n] = 1;
      return new JArray(shape, data, 'float');
    }
    scalarArg(name, x);
    return unit;
  });
}

/** eps(), eps(T) and eps(x), the spacing of floating-point numbers at x. */
function eps(x: Value | undefined): number {
  if (x === undefined) return Number.EPSILON;
  if (x instanceof JType) {
    if (x.name === 'Float32') return FLOAT32_EPS;
    if (elementTypeOf(x) === 'float') return Number.EPSILON;
    return fail(`eps is not defined for the type ${x.toString()}`);
  }
  const r = scalarArg('eps', x);
  dependsOn('`eps`', [r]);
  return spacing(value(r ?? NaN));
}

/** Julia's eps(x) of a Float64: the distance from |x| to the next larger float. */
export function spacing(x: number): number {
  const v = Math.abs(x);
  if (!Number.isFinite(v)) return NaN;
  if (v < Number.MIN_VALUE * Math.pow(2, 52)) return Number.MIN_VALUE;
  return Math.pow(2, Math.floor(Math.log2(v)) - 52);
}

/** Each concrete numeric type's extremes: typemin and typemax, and floatmin (the least normal) and floatmax for floats. */
interface Limits {
  typemin: number | boolean;
  typemax: number | boolean;
  floatmin?: number;
  floatmax?: number;
}

const LIMITS: Readonly<Record<string, Limits>> = {
  Float64: { typemin: -Infinity, typemax: Infinity, floatmin: Math.pow(2, -1022), floatmax: Number.MAX_VALUE },
  Float32: { typemin: -Infinity, typemax: Infinity, floatmin: Math.pow(2, -126), floatmax: (2 - Math.pow(2, -23)) * Math.pow(2, 127) },
  // 2⁶³ − 1 is not a double: the nearest is 2⁶³, which still compares above every Int a model holds.
  Int64: { typemin: -Math.pow(2, 63), typemax: Math.pow(2, 63) - 1 },
  Int32: { typemin: -Math.pow(2, 31), typemax: Math.pow(2, 31) - 1 },
  Bool: { typemin: false, typemax: true },
};

/** typemin / typemax / floatmin / floatmax of a type, or of a value's type (`typemax(x)` for a Float64 x is Inf). */
function limit(name: keyof Limits): Builtin {
  const floats = name === 'floatmin' || name === 'floatmax';
  return builtin(`${name}(T)${floats ? ` / ${name}()` : ''}`, (args, kwargs) => {
    arity(name, args, floats ? 0 : 1, 1);
    allowKwargs(name, kwargs);
    const t = args.length === 0 ? new JType('Float64') : arg(args, 0);
    const type = t instanceof JType ? t : eltypeOf(t);
    const v = LIMITS[type.name]?.[name];
    if (v === undefined) return fail(`${name} is not defined for the type ${type.toString()}`);
    return v;
  });
}

function predicate(name: string, test: (x: number) => boolean): Builtin {
  return builtin(`${name}(x)`, (args, kwargs) => {
    arity(name, args, 1);
    allowKwargs(name, kwargs);
    const r = scalarArg(name, arg(args, 0));
    if (r === undefined) return MISSING;
    dependsOn(`\`${name}\``, [r]);
    return test(value(r));
  });
}

export const typeBuiltins: Builtin[] = [
  builtin('typeof(x)', (args, kwargs) => {
    arity('typeof', args, 1);
    allowKwargs('typeof', kwargs);
    return typeOf(arg(args, 0));
  }),
  builtin('eltype(x)', (args, kwargs) => {
    arity('eltype', args, 1);
    allowKwargs('eltype', kwargs);
    return eltypeOf(arg(args, 0));
  }),
  identityElement('one', 1),
  identityElement('zero', 0),
  builtin('eps() / eps(T) / eps(x)', (args, kwargs) => {
    arity('eps', args, 0, 1);
    allowKwargs('eps', kwargs);
    return eps(args[0]);
  }),
  limit('typemin'),
  limit('typemax'),
  limit('floatmin'),
  limit('floatmax'),
  builtin('float(x)', (args, kwargs) => {
    arity('float', args, 1);
    allowKwargs('float', kwargs);
    const x = arg(args, 0);
    if (isArrayValue(x)) return callType(new JType('Array', [new JType('Float64')]), [materialize(x)], new Map());
    return callType(new JType('Float64'), [x], new Map());
  }),
  builtin('convert(T, x)', (args, kwargs) => {
    arity('convert', args, 2);
    allowKwargs('convert', kwargs);
    const t = arg(args, 0);
    if (!(t instanceof JType)) return fail(`convert needs a type first, got ${describe(t)}`);
    return callType(t, [arg(args, 1)], new Map());
  }),
  builtin('oftype(x, y)', (args, kwargs) => {
    arity('oftype', args, 2);
    allowKwargs('oftype', kwargs);
    const [x, y] = [arg(args, 0), arg(args, 1)];
    // A number's Int or Float64 is not kept at run time (1.0 is 1): y converts to either as it is.
    if (isReal(x) && isReal(y)) return y;
    return callType(typeOf(x), [y], new Map());
  }),
  builtin('CartesianIndex(i, j, ...)', (args, kwargs) => {
    allowKwargs('CartesianIndex', kwargs);
    const list = args.length === 1 && args[0] instanceof JTuple ? args[0].items : args;
    return new CartesianIndex(list.map((i) => toInt(i, 'CartesianIndex: an index')));
  }),
  builtin('isnothing(x)', (args) => {
    arity('isnothing', args, 1);
    return args[0] === NOTHING;
  }),
  builtin('ismissing(x)', (args) => {
    arity('ismissing', args, 1);
    return args[0] === MISSING;
  }),
  predicate('isfinite', Number.isFinite),
  predicate('isnan', Number.isNaN),
  predicate('isinf', (x) => x === Infinity || x === -Infinity),
  predicate('isinteger', Number.isInteger),
  predicate('isodd', (x) => Number.isInteger(x) && Math.abs(x % 2) === 1),
  predicate('iseven', (x) => Number.isInteger(x) && x % 2 === 0),
  builtin('iszero(x)', (args, kwargs) => {
    arity('iszero', args, 1);
    allowKwargs('iszero', kwargs);
    const x = arg(args, 0);
    const rs = isArrayValue(x) ? realsOf(x, 'iszero') : [scalarArg('iszero', x)];
    if (rs.includes(undefined)) return MISSING;
    dependsOn('`iszero`', rs);
    return rs.every((r) => value(r!) === 0);
  }),
];
