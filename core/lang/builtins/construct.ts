import { value } from '../../ad/index.js';
import { DataFrame, JArray, JCholesky, JType, MISSING, NOTHING, UniformScaling, describe, type Value } from '../../model/index.js';
import { convertForStore } from '../runtime/assign.js';
import { dictFrom } from '../runtime/dict.js';
import { frameMatrix } from '../dataframes/matrix.js';
import { fail } from '../runtime/errors.js';
import { numeric } from '../runtime/scalars.js';
import { elementOf, isArrayValue, product, shapeOfArray } from '../runtime/shape.js';
import { elementTypeOf } from '../runtime/types.js';
import { dependsOn } from '../runtime/dependence.js';
import { allowKwargs, arity } from './define.js';
import { dimsFrom } from './dims.js';
import { factoredMatrix } from './matrices.js';

/**
 * Calls on a type: conversions (`Float64(x)`, `Int(x)`, `T(x)`) and array constructors
 * (`Vector{Float64}(undef, n)`, `Matrix(I, n, n)`, `Array{T}(undef, dims...)`, `TV(undef, n)`).
 * `Float64(x)` returns AD values unchanged: Turing's "no method matching Float64(::Dual)" has no
 * counterpart here.
 */

/** Julia's `undef`, the first argument of the uninitialised array constructors. */
export const UNDEF = new JType('UndefInitializer');

/** The array types and the number of dimensions each fixes (Array: any). */
const ARRAY_DIMS = new Map<string, number | undefined>([
  ['Vector', 1],
  ['Matrix', 2],
  ['Array', undefined],
]);

function convertNumber(t: JType, x: Value): Value {
  const r = numeric(x);
  const name = t.toString();
  if (r === undefined) {
    const hint = isArrayValue(x) ? `; use ${name}.(x) to convert each element` : '';
    return fail(`cannot convert ${describe(x)} to ${name}${hint}`);
  }
  const kind = elementTypeOf(t);
  if (kind !== 'float') dependsOn(`\`${name}(x)\``, [r]);
  switch (kind) {
    case 'float':
      return r;
    case 'int':
      if (!Number.isInteger(value(r))) fail(`${name}(${value(r)}): ${value(r)} is not an integer (InexactError)`);
      return value(r);
    case 'bool':
      if (value(r) !== 0 && value(r) !== 1) fail(`Bool(${value(r)}): only 0 and 1 convert to Bool (InexactError)`);
      return value(r) === 1;
  }
  return fail(`${name} cannot be called`);
}

/**
 * What an uninitialised array of element type `t` holds: Julia stores a small Union by a type tag set to its
 * first member, so `Vector{Union{Missing, Float64}}(undef, n)` is n `missing`s (the predictive idiom relies on
 * it); other arrays hold holes that must be assigned before they are read.
 */
function undefElement(t: JType | undefined): Value | undefined {
  const members = t?.name === 'Union' ? t.params : t === undefined ? [] : [t];
  if (members.some((m) => m.name === 'Missing')) return MISSING;
  if (members.some((m) => m.name === 'Nothing')) return NOTHING;
  return undefined;
}

function checkDims(t: JType, dims: number[]): void {
  const want = ARRAY_DIMS.get(t.name);
  if (want !== undefined && dims.length !== want) fail(`${t.toString()} needs ${want} dimension${want === 1 ? '' : 's'}, got ${dims.length}`);
}

function constructArray(t: JType, args: Value[]): JArray {
  const eltype = elementTypeOf(t.params[0]);
  const first = args[0];
  if (first === undefined) {
    const dims = new Array<number>(ARRAY_DIMS.get(t.name) ?? 1).fill(0);
    return new JArray(dims, [], eltype);
  }
  if (first === UNDEF) {
    const dims = dimsFrom(t.toString(), args.slice(1));
    checkDims(t, dims);
    return new JArray(dims, new Array(product(dims)).fill(undefElement(t.params[0])), eltype);
  }
  if (first instanceof UniformScaling) {
    const dims = dimsFrom(t.toString(), args.slice(1));
    if (dims.length !== 2) fail(`${t.toString()}(I, m, n) needs two dimensions`);
    const [m, n] = dims as [number, number];
    const data: Value[] = new Array<Value>(m * n).fill(0);
    for (let i = 0; i < Math.min(m, n); i++) data[i + i * m] = first.lambda;
    return new JArray([m, n], data, eltype === 'any' ? 'float' : eltype);
  }
  // `Matrix(F)` of a factorisation is the matrix it factors: Turing's LKJCholesky posts return `Matrix(F)` as the correlation.
  if (first instanceof JCholesky && args.length === 1) return constructArray(t, [factoredMatrix(first)]);
  // `Matrix(select(df, Not(:y)))`: a script's predictors, side by side.
  if (first instanceof DataFrame && args.length === 1) return constructArray(t, [frameMatrix(first)]);
  if (isArrayValue(first) && args.length === 1) {
    const shape = shapeOfArray(first);
    const target = eltype === 'any' && first instanceof JArray ? first.eltype : eltype;
    checkDims(t, shape);
    const data = Array.from({ length: first.length }, (_, k) => convertForStore({ eltype: target }, elementOf(first, k)));
    return new JArray(shape.slice(), data, target);
  }
  return fail(`${t.toString()} cannot be constructed from ${args.map((a) => describe(a)).join(', ')}; use ${t.toString()}(undef, dims...)`);
}

export function callType(t: JType, args: Value[], kwargs: Map<string, Value>): Value {
  allowKwargs(t.toString(), kwargs);
  if (ARRAY_DIMS.has(t.name)) return constructArray(t, args);
  if (t.name === 'Dict' || t.name === 'OrderedDict') return dictFrom(t, args);
  arity(t.toString(), args, 1);
  return convertNumber(t, args[0]!);
}
