import { JArray, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { numeric } from '../runtime/scalars.js';
import { arrayOf, cartesianPosition, dimsText, isArrayValue, linearOffset, materialize, product, sameShape, shapeOfArray } from '../runtime/shape.js';
import { asCallable } from './callable.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';
import { dimsList } from './reduce.js';

/** eachslice and mapslices: an array cut into the slices that span some of its dimensions. */

/** An array cut along `spanned` (0-based): the shape of one slice and of the grid of slices, and each slice's elements. */
interface Cut {
  inner: number[];
  outer: number[];
  slices: Value[][];
}

function cut(a: JArray, spanned: readonly number[]): Cut {
  const inDims = a.shape.map((_, d) => d).filter((d) => spanned.includes(d));
  const outDims = a.shape.map((_, d) => d).filter((d) => !spanned.includes(d));
  const inner = inDims.map((d) => a.shape[d]!);
  const outer = outDims.map((d) => a.shape[d]!);
  const slices = Array.from({ length: product(outer) }, () => new Array<Value>(product(inner)));
  a.data.forEach((v, k) => {
    const position = cartesianPosition(a.shape, k);
    slices[linearOffset(outer, outDims.map((d) => position[d]!))]![linearOffset(inner, inDims.map((d) => position[d]!))] = v as Value;
  });
  return { inner, outer, slices };
}

function arrayArg(name: string, v: Value): JArray {
  if (!isArrayValue(v)) return fail(`${name} needs an array, got ${describe(v)}`);
  return materialize(v);
}

function dimsArg(name: string, a: JArray, kwargs: ReadonlyMap<string, Value>, example: string): number[] {
  const dims = kwargs.get('dims');
  if (dims === undefined) return fail(`${name} needs the keyword dims, as in ${example}`);
  const list = dimsList(name, dims);
  const bad = list.find((d) => d >= a.ndims);
  if (bad !== undefined) fail(`${name}: dims ${bad + 1} is out of range for ${describe(a)}`);
  return list;
}

/** The shape of f's value on a slice: a number is 0-dimensional. */
function resultShape(r: Value): number[] {
  if (isArrayValue(r)) return shapeOfArray(r);
  if (numeric(r) === undefined) fail(`mapslices: the function must return a number or an array, got ${describe(r)}`);
  return [];
}

/**
 * mapslices(f, A; dims): f of each slice spanning `dims`, the values put back where the slices were; each
 * slice's dimensions get the size of f's value (1 for a number), as in Julia.
 */
function mapslices(f: (args: Value[]) => Value, a: JArray, dims: number[]): JArray {
  const spanned = [...new Set(dims)].sort((x, y) => x - y);
  const { inner, slices } = cut(a, spanned);
  const sliceOf = (data: Value[]): Value => (inner.length === 0 ? data[0]! : new JArray(inner.slice(), data, a.eltype));
  const results = slices.map((s) => f([sliceOf(s)]));
  const shape = resultShape(results[0] ?? 0);
  const mismatch = results.find((r) => !sameShape(resultShape(r), shape));
  if (mismatch !== undefined) fail(`mapslices: f must return values of one size, got ${dimsText(shape)} and ${dimsText(resultShape(mismatch))}`);
  if (shape.length > spanned.length) fail(`mapslices: f returned ${dimsText(shape)}, with more dimensions than the ${spanned.length} of dims`);
  const outShape = a.shape.map((n, d) => (spanned.includes(d) ? (shape[spanned.indexOf(d)] ?? 1) : n));
  const outDims = a.shape.map((_, d) => d).filter((d) => !spanned.includes(d));
  const data = new Array<Value>(product(outShape));
  for (let k = 0; k < data.length; k++) {
    const position = cartesianPosition(outShape, k);
    const r = results[linearOffset(outDims.map((d) => a.shape[d]!), outDims.map((d) => position[d]!))]!;
    data[k] = isArrayValue(r) ? materialize(r).data[linearOffset(shape, spanned.slice(0, shape.length).map((d) => position[d]!))]! : r;
  }
  return arrayOf(outShape, data);
}

export const sliceBuiltins: Builtin[] = [
  builtin('eachslice(A; dims)', (args, kwargs) => {
    arity('eachslice', args, 1);
    allowKwargs('eachslice', kwargs, ['dims']);
    const a = arrayArg('eachslice', arg(args, 0));
    const along = dimsArg('eachslice', a, kwargs, 'eachslice(A; dims = 1) for the rows of a matrix');
    const { inner, outer, slices } = cut(
      a,
      a.shape.map((_, d) => d).filter((d) => !along.includes(d)),
    );
    return new JArray(outer, slices.map((s) => new JArray(inner.slice(), s, a.eltype)), 'any');
  }),
  builtin('mapslices(f, A; dims)', (args, kwargs) => {
    arity('mapslices', args, 2);
    allowKwargs('mapslices', kwargs, ['dims']);
    const a = arrayArg('mapslices', arg(args, 1));
    return mapslices(asCallable('mapslices', arg(args, 0)), a, dimsArg('mapslices', a, kwargs, 'mapslices(f, A; dims = 1) for f of each column'));
  }),
];
