import { DataFrame, JArray, JDict, JNamedTuple, JRange, JSymbol, JTuple, UniformScaling, describe, isReal, type Value } from '../../model/index.js';
import { getFrameIndex } from '../dataframes/frame-index.js';
import { dictGet } from './dict.js';
import { fail } from './errors.js';
import { getField } from './field.js';
import { COLON, type IndexValue } from './index-value.js';
import { locate, scalarOffset } from './locate.js';
import { ODESolution } from './ode-values.js';
import { elementAt, product } from './shape.js';

/** `x[…]` and the `end` inside it. */

function getFromArray(a: JArray, indices: readonly IndexValue[]): Value {
  const k = scalarOffset(a, indices);
  if (k !== undefined) return elementAt(a, k);
  const loc = locate(a, a.shape, indices);
  const { offsets } = loc;
  if (loc.shape.length === 0) return elementAt(a, offsets[0]!);
  // A loop, not map's callback: `X[i, :]` copies a row at every iteration of a model's loop.
  const data: Value[] = new Array(offsets.length);
  for (let t = 0; t < offsets.length; t++) data[t] = elementAt(a, offsets[t]!);
  return new JArray(loc.shape, data, a.eltype);
}

function getFromRange(r: JRange, indices: readonly IndexValue[]): Value {
  if (indices.length === 1) {
    const i = indices[0]!;
    if (i === COLON) return r;
    if (i instanceof JRange && i.length > 0 && Number.isInteger(i.start) && Number.isInteger(i.step) && i.start >= 1 && i.last <= r.length && i.last >= 1 && i.start <= r.length) {
      return new JRange(r.at(i.start - 1), r.step * i.step, r.at(i.last - 1));
    }
  }
  const loc = locate(r, [r.length], indices);
  if (loc.shape.length === 0) return r.at(loc.offsets[0]!);
  return new JArray(loc.shape, loc.offsets.map((k) => r.at(k)), 'float');
}

function getFromTuple(t: JTuple, indices: readonly IndexValue[]): Value {
  const loc = locate(t, [t.items.length], indices);
  if (loc.shape.length === 0) return t.items[loc.offsets[0]!]!;
  if (loc.shape.length !== 1) fail(`a tuple can only be indexed by integers or ranges`);
  return new JTuple(loc.offsets.map((k) => t.items[k]!));
}

/** `nt[2]`, `nt[end]`: a field by position; `nt[:a]` by name; `nt[:]` is `nt`, as in Julia, which has no other slices of a named tuple. */
function getFromNamedTuple(t: JNamedTuple, indices: readonly IndexValue[]): Value {
  if (indices.length === 1 && indices[0] === COLON) return t;
  if (indices.length === 1 && indices[0] instanceof JSymbol) return getField(t, indices[0].name);
  if (indices.length !== 1 || typeof indices[0] !== 'number') fail(`${describe(t)} is indexed by one integer, as in \`nt[1]\`, or one Symbol, as in \`nt[:a]\`, or read by field name, as in \`nt.a\``);
  const values = [...t.entries.values()];
  return values[locate(t, [values.length], indices).offsets[0]!]!;
}

/** The key of `d[k]`: what is written, whatever its kind (see ExpressionCompiler.indices); `d[i, j]` is Julia's `d[(i, j)]`. */
export function dictKeyOf(indices: readonly IndexValue[]): Value {
  const keys = indices as readonly Value[];
  return keys.length === 1 ? keys[0]! : new JTuple(keys.slice());
}

export function getIndex(target: Value, indices: IndexValue[]): Value {
  if (target instanceof ODESolution && indices.length === 1) return target.atTimes(indices[0]!);
  if (target instanceof JArray) return getFromArray(target, indices);
  if (target instanceof DataFrame) return getFrameIndex(target, indices);
  if (target instanceof JDict) return dictGet(target, dictKeyOf(indices));
  if (target instanceof JRange) return getFromRange(target, indices);
  if (target instanceof JTuple) return getFromTuple(target, indices);
  if (target instanceof JNamedTuple) return getFromNamedTuple(target, indices);
  if (isReal(target) || typeof target === 'boolean') {
    // A number is a 0-dimensional container of itself in Julia: `x[1]` and `x[]` work.
    const loc = locate(target, [], indices);
    if (loc.shape.length === 0) return target;
    return getFromArray(JArray.vector([target], 'float'), indices);
  }
  if (target instanceof UniformScaling && indices.length === 2 && typeof indices[0] === 'number' && typeof indices[1] === 'number') {
    return indices[0] === indices[1] ? target.lambda : 0;
  }
  return fail(`cannot index into ${describe(target)}`);
}

/** What `end` means at position `dim` of an index with `ndims` entries (linear when `ndims` is 1). */
export function lastIndex(target: Value, dim: number, ndims: number): number {
  let shape: readonly number[];
  if (target instanceof ODESolution && ndims === 1) return target.times;
  if (target instanceof JArray) shape = target.shape;
  else if (target instanceof JRange) shape = [target.length];
  else if (target instanceof JTuple) shape = [target.items.length];
  else if (target instanceof JNamedTuple) shape = [target.entries.size];
  else if (target instanceof DataFrame) shape = [target.nrow, target.ncol];
  else if (isReal(target) || typeof target === 'boolean') shape = [];
  else return fail(`\`end\` has no meaning for ${describe(target)}`);
  if (ndims === 1) return product(shape);
  if (dim < ndims - 1) return shape[dim] ?? 1;
  return product(shape.slice(dim));
}
