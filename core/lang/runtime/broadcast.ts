import { JArray, JCholesky, JNamedTuple, JRange, JTuple, UniformScaling, describe, type Value } from '../../model/index.js';
import { fail } from './errors.js';
import { CartesianIndex, RowVector } from './special-arrays.js';
import { arrayOf, dimsText, elementAt, inferEltype, product, sameShape } from './shape.js';

/**
 * Julia's broadcasting: arrays and ranges by shape, tuples as 1-d collections, everything else
 * (numbers, Bools, distributions, strings, types, functions) as 0-d scalars. Singleton dimensions
 * expand, and vectors are columns, so an n-vector with a 1×m row gives an n×m result.
 */

/** The broadcast shape of one argument; [] for a scalar. */
function broadcastShape(v: Value): number[] {
  if (v instanceof JArray) return v.shape;
  if (v instanceof JRange) return [v.length];
  if (v instanceof CartesianIndex) return [];
  if (v instanceof JTuple) return [v.items.length];
  if (v instanceof UniformScaling) return fail('cannot broadcast the identity I, which has no size; use a matrix such as Matrix(I, n, n)');
  if (v instanceof JCholesky || v instanceof JNamedTuple) return fail(`cannot broadcast over ${describe(v)}`);
  return [];
}

/** The common shape of several argument shapes, or a dimension-mismatch error naming the two that clash. */
function combineShapes(shapes: readonly (readonly number[])[]): number[] {
  let out: number[] = [];
  for (const s of shapes) {
    if (s.length === 0) continue;
    const n = Math.max(out.length, s.length);
    const next: number[] = new Array(n);
    for (let d = 0; d < n; d++) {
      const a = out[d] ?? 1;
      const b = s[d] ?? 1;
      if (a !== b && a !== 1 && b !== 1) fail(`cannot broadcast ${dimsText(out)} with ${dimsText(s)}`);
      next[d] = a === 1 ? b : a;
    }
    out = next;
  }
  return out;
}

/** The elements of a broadcast argument as one array (a range's are computed once), or null for a scalar. */
function elementsOf(v: Value, shape: readonly number[]): readonly (Value | undefined)[] | null {
  if (shape.length === 0) return null;
  if (v instanceof JArray) return v.data;
  if (v instanceof JRange) return Array.from({ length: v.length }, (_, k) => v.at(k));
  return (v as JTuple).items;
}

/** Element j of an argument's elements, refusing the holes of `Vector{T}(undef, n)`. */
function fetch(v: Value, elements: readonly (Value | undefined)[], j: number): Value {
  const x = elements[j];
  return x === undefined ? elementAt(v as JArray, j) : x;
}

/**
 * For each linear index of `result`, the linear index into an argument of shape `shape` (repeated along its
 * singleton dimensions); null when the argument covers the result one-to-one.
 */
function expansionMap(shape: readonly number[], result: readonly number[]): Int32Array | null {
  if (product(shape) === product(result)) return null;
  const strides = result.map((_, d) => {
    if ((shape[d] ?? 1) === 1) return 0;
    let s = 1;
    for (let t = 0; t < d; t++) s *= shape[t] ?? 1;
    return s;
  });
  const n = product(result);
  const map = new Int32Array(n);
  const counter = new Array<number>(result.length).fill(0);
  let offset = 0;
  for (let k = 0; k < n; k++) {
    map[k] = offset;
    for (let d = 0; d < result.length; d++) {
      offset += strides[d]!;
      if (++counter[d]! < result[d]!) break;
      offset -= strides[d]! * counter[d]!;
      counter[d] = 0;
    }
  }
  return map;
}

/** The elements of `v` expanded to `shape` (for `x[idx] .= v`), or the broadcast error if it does not fit. */
export function expandTo(raw: Value, shape: readonly number[]): Value[] {
  const v = unwrapZeroDim(raw);
  const own = broadcastShape(v);
  const combined = combineShapes([shape, own]);
  if (!sameShape(combined, shape)) fail(`cannot broadcast ${dimsText(own)} into ${dimsText(shape)}`);
  const elements = elementsOf(v, own);
  const map = expansionMap(own, shape);
  const n = product(shape);
  const out: Value[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = elements === null ? v : fetch(v, elements, map === null ? k : map[k]!);
  return out;
}

/** A 0-dimensional array (`collect(3)`) broadcasts as its one element. */
function unwrapZeroDim(v: Value): Value {
  return v instanceof JArray && v.ndims === 0 ? elementAt(v, 0) : v;
}

export function broadcast(f: (args: Value[]) => Value, rawArgs: Value[]): Value {
  const args = rawArgs.map(unwrapZeroDim);
  // The element of a 0-dimensional array is one value of the broadcast even when it is an array: `Ref(A)`.
  const shapes = args.map((a, i) => (a === rawArgs[i] ? broadcastShape(a) : []));
  if (shapes.every((s) => s.length === 0)) return f(args);
  const shape = combineShapes(shapes);
  const n = product(shape);
  const m = args.length;
  const sources = args.map((a, i) => elementsOf(a, shapes[i]!));
  const maps = shapes.map((s) => (s.length === 0 ? null : expansionMap(s, shape)));
  const out: Value[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const xs: Value[] = new Array(m);
    for (let i = 0; i < m; i++) {
      const src = sources[i]!;
      const map = maps[i];
      xs[i] = src === null ? args[i]! : fetch(args[i]!, src, map ? map[k]! : k);
    }
    out[k] = f(xs);
  }
  // Julia keeps `x' .* 2` an adjoint, so `(x' .* 2) * y` is still a scalar.
  if (shape.length === 2 && shape[0] === 1 && args.some((a) => a instanceof RowVector)) return new RowVector(out, inferEltype(out));
  return arrayOf(shape, out);
}
