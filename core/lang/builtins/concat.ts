import { JArray, JTuple, describe, type Value } from '../../model/index.js';
import { fail } from '../runtime/errors.js';
import { toInt } from '../runtime/convert.js';
import { iterate } from '../runtime/iterate.js';
import { arrayOf, cartesianPosition, dimsText, elementOf, isArrayValue, linearOffset, product, shapeOfArray } from '../runtime/shape.js';
import { asCallable } from './callable.js';
import { allowKwargs, arg, arity, builtin, type Builtin } from './define.js';
import { dimsFrom } from './dims.js';
import { dimsList } from './reduce.js';

/** vcat, hcat (also behind matrix literals `[a b; c d]`), cat, stack, reshape and vec. */

/** One concatenation argument seen as a matrix block; a number is 1×1, a vector a column. */
interface Block {
  rows: number;
  cols: number;
  /** Column-major elements. */
  data: Value[];
  vector: boolean;
}

/**
 * Plain loops here and in `hcat`: `Array.from` with a mapping function and `flatMap` take V8's generic
 * paths, and posteriordb's wells builds its 3020×6 design matrix with `hcat` at every evaluation (1.7 ms of
 * a 4.7 ms log density).
 */
function elements(v: Value): Value[] {
  if (!isArrayValue(v)) return [v];
  const out: Value[] = new Array(v.length);
  for (let k = 0; k < out.length; k++) out[k] = elementOf(v, k);
  return out;
}

function block(name: string, v: Value): Block {
  if (!isArrayValue(v)) return { rows: 1, cols: 1, data: [v], vector: true };
  const shape = shapeOfArray(v);
  if (shape.length > 2) fail(`${name} of ${dimsText(shape)} is not supported`);
  return { rows: shape[0]!, cols: shape[1] ?? 1, data: elements(v), vector: shape.length === 1 };
}

function vcat(args: Value[]): JArray {
  const blocks = args.map((a) => block('vcat', a));
  if (blocks.every((b) => b.vector)) return arrayOf([blocks.reduce((n, b) => n + b.rows, 0)], blocks.flatMap((b) => b.data));
  const cols = blocks[0]!.cols;
  const bad = blocks.find((b) => b.cols !== cols);
  if (bad) fail(`vcat: the arguments have different numbers of columns (${cols} and ${bad.cols})`);
  const rows = blocks.reduce((n, b) => n + b.rows, 0);
  const data: Value[] = [];
  for (let j = 0; j < cols; j++) for (const b of blocks) data.push(...b.data.slice(j * b.rows, (j + 1) * b.rows));
  return arrayOf([rows, cols], data);
}

function hcat(args: Value[]): JArray {
  if (args.length === 0) return JArray.vector([], 'any');
  const blocks = args.map((a) => block('hcat', a));
  const rows = blocks[0]!.rows;
  const bad = blocks.find((b) => b.rows !== rows);
  if (bad) fail(`hcat: the arguments have different numbers of rows (${rows} and ${bad.rows})`);
  const data: Value[] = [];
  for (const b of blocks) for (let k = 0; k < b.data.length; k++) data.push(b.data[k]!);
  return arrayOf([rows, blocks.reduce((n, b) => n + b.cols, 0)], data);
}

/** An argument of cat or stack as an array: a number is a 0-dimensional one. */
function asArray(v: Value): { shape: number[]; data: Value[] } {
  return isArrayValue(v) ? { shape: shapeOfArray(v), data: elements(v) } : { shape: [], data: [v] };
}

/**
 * cat(As...; dims): along each dimension in `dims` the arrays follow one another and the sizes add up; the
 * others must agree. Several dims place the arrays block-diagonally, zeros around them, as Julia does.
 */
function cat(args: Value[], dims: number[]): JArray {
  const arrays = args.map(asArray);
  const ndims = Math.max(...arrays.map((a) => a.shape.length), ...dims.map((d) => d + 1));
  const size = (a: { shape: number[] }, d: number): number => a.shape[d] ?? 1;
  const shape = Array.from({ length: ndims }, (_, d) => {
    if (dims.includes(d)) return arrays.reduce((n, a) => n + size(a, d), 0);
    const n = arrays.length ? size(arrays[0]!, d) : 0;
    const bad = arrays.find((a) => size(a, d) !== n);
    if (bad) fail(`cat: mismatch in dimension ${d + 1} (expected ${n}, got ${size(bad, d)})`);
    return n;
  });
  const data: Value[] = new Array<Value>(product(shape)).fill(0);
  const offset = new Array<number>(ndims).fill(0);
  for (const a of arrays) {
    const own = Array.from({ length: ndims }, (_, d) => size(a, d));
    a.data.forEach((v, k) => {
      const position = cartesianPosition(own, k).map((i, d) => i + offset[d]!);
      data[linearOffset(shape, position)] = v;
    });
    for (const d of dims) offset[d]! += size(a, d);
  }
  return arrayOf(shape, data);
}

/**
 * stack(xs; dims) (Julia 1.9): arrays of one shape as the slices of one more dimension, last by default, so a
 * vector of vectors makes a matrix whose columns they are; `dims = 1` makes them its rows.
 */
function stack(items: Value[], dimsArg: Value | undefined): JArray {
  const arrays = items.map(asArray);
  const inner = arrays[0]?.shape ?? [];
  const bad = arrays.find((a) => a.shape.length !== inner.length || a.shape.some((n, d) => n !== inner[d]));
  if (bad) fail(`stack: the slices must all have the same size, got ${dimsText(inner)} and ${dimsText(bad.shape)} (DimensionMismatch)`);
  const at = dimsArg === undefined ? inner.length : toInt(dimsArg, 'stack: dims') - 1;
  if (at < 0 || at > inner.length) fail(`stack: dims must be between 1 and ${inner.length + 1}, got ${at + 1}`);
  const shape = [...inner.slice(0, at), arrays.length, ...inner.slice(at)];
  const data: Value[] = new Array<Value>(product(shape));
  arrays.forEach((a, j) => {
    a.data.forEach((v, k) => {
      const position = cartesianPosition(inner, k);
      data[linearOffset(shape, [...position.slice(0, at), j + 1, ...position.slice(at)])] = v;
    });
  });
  return arrayOf(shape, data);
}

function collection(name: string, v: Value): Value[] {
  if (!isArrayValue(v) && !(v instanceof JTuple)) return fail(`${name} needs a collection of arrays, got ${describe(v)}`);
  return [...iterate(v)];
}

export const concatBuiltins: Builtin[] = [
  builtin('vcat(xs...)', (args, kwargs) => {
    allowKwargs('vcat', kwargs);
    return vcat(args);
  }),
  builtin('hcat(xs...)', (args, kwargs) => {
    allowKwargs('hcat', kwargs);
    return hcat(args);
  }),
  builtin('cat(As...; dims)', (args, kwargs) => {
    allowKwargs('cat', kwargs, ['dims']);
    const dims = kwargs.get('dims');
    if (dims === undefined) return fail('cat needs the keyword dims, as in cat(A, B; dims = 3)');
    return cat(args, dimsList('cat', dims));
  }),
  builtin('stack(xs; dims) / stack(f, xs; dims)', (args, kwargs) => {
    arity('stack', args, 1, 2);
    allowKwargs('stack', kwargs, ['dims']);
    const items = collection('stack', arg(args, args.length - 1));
    const f = args.length === 2 ? asCallable('stack', arg(args, 0)) : undefined;
    return stack(f ? items.map((x) => f([x])) : items, kwargs.get('dims'));
  }),
  builtin('reshape(x, dims...)', (args, kwargs) => {
    arity('reshape', args, 2, Infinity);
    allowKwargs('reshape', kwargs);
    const data = elements(arg(args, 0));
    const dims = dimsFrom('reshape', args.slice(1));
    if (product(dims) !== data.length) fail(`reshape: cannot reshape ${data.length} elements into ${dimsText(dims)}`);
    // A copy, not a view: reshaping bound data must not open a way to write into it.
    return arrayOf(dims, data);
  }),
  builtin('vec(x)', (args, kwargs) => {
    arity('vec', args, 1);
    allowKwargs('vec', kwargs);
    const x = arg(args, 0);
    // An array's data is already in column-major order: copied as it is, without a closure per element.
    if (x instanceof JArray && x.constructor === JArray && !x.data.includes(undefined)) return new JArray([x.length], x.data.slice(), x.eltype);
    const data = elements(x);
    return arrayOf([data.length], data);
  }),
];
