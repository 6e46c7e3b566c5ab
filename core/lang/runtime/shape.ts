import { JArray, JRange, isReal, type ElementType, type Value } from '../../model/index.js';

// Shapes compare as the model layer compares them; the runtime's callers import it from here.
export { sameShape } from '../../model/index.js';
import { fail } from './errors.js';

/** Shapes, element access and element types shared by the operators, indexing and broadcasting. */

/** "a 3-element vector", "a 2×3 matrix": Julia's way of naming a shape in a dimension error. */
export function dimsText(shape: readonly number[]): string {
  if (shape.length === 0) return 'a scalar';
  if (shape.length === 1) return `a ${shape[0]}-element vector`;
  if (shape.length === 2) return `a ${shape[0]}×${shape[1]} matrix`;
  return `a ${shape.join('×')} array`;
}

export function isArrayValue(v: Value): v is JArray | JRange {
  return v instanceof JArray || v instanceof JRange;
}

export function shapeOfArray(v: JArray | JRange): number[] {
  return v instanceof JRange ? [v.length] : v.shape;
}

export function product(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/**
 * Julia's promote_shape, which `+` and `-` of two arrays require: the dimensions they share are equal and the
 * longer one's others are 1, so a 30×1 matrix plus a 30-element vector is a 30×1 matrix.
 */
export function promotableShapes(a: readonly number[], b: readonly number[]): boolean {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  return long.every((d, i) => (i < short.length ? d === short[i] : d === 1));
}

/** The 1-based index in each dimension of linear offset k (column-major). */
export function cartesianPosition(shape: readonly number[], k: number): number[] {
  const parts: number[] = [];
  let rest = k;
  for (const d of shape) {
    parts.push((rest % d) + 1);
    rest = Math.floor(rest / d);
  }
  return parts;
}

/** The linear (column-major) offset of a 1-based Cartesian position: cartesianPosition's inverse. */
/**
 * Walking a column-major array along dimension `dim` (0-based): element k sits at position `along(k)` on it,
 * and the element before it there is k − stride. A dimension past the last has extent 1, as in Julia.
 */
export function alongDimension(shape: readonly number[], dim: number): { stride: number; extent: number; along: (k: number) => number } {
  const stride = product(shape.slice(0, dim));
  const extent = shape[dim] ?? 1;
  return { stride, extent, along: (k) => Math.floor(k / stride) % extent };
}

export function linearOffset(shape: readonly number[], position: readonly number[]): number {
  let offset = 0;
  let stride = 1;
  for (let d = 0; d < shape.length; d++) {
    offset += (position[d]! - 1) * stride;
    stride *= shape[d]!;
  }
  return offset;
}

/** The 1-based Cartesian position of linear offset k, as Julia prints it: `[3]` or `[2, 1]`. */
export function positionText(shape: readonly number[], k: number): string {
  if (shape.length <= 1) return `[${k + 1}]`;
  return `[${cartesianPosition(shape, k).join(', ')}]`;
}

/** Element k of an array, refusing the holes of `Vector{T}(undef, n)`. */
export function elementAt(a: JArray, k: number): Value {
  const x = a.data[k];
  if (x === undefined) fail(`element ${positionText(a.shape, k)} is used before it is assigned`);
  return x;
}

/** Element k of an array or a range (a range's elements are computed, never stored). */
export function elementOf(a: JArray | JRange, k: number): Value {
  return a instanceof JRange ? a.at(k) : elementAt(a, k);
}

/** A range as a stored vector, for the operations that need one. */
export function materialize(v: JArray | JRange): JArray {
  if (v instanceof JArray) return v;
  const data: Value[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) data[i] = v.at(i);
  return JArray.vector(data, 'float');
}

/** The element type that fits computed results: numbers stay numeric arrays, so AD values can flow in. */
export function inferEltype(data: readonly (Value | undefined)[]): ElementType {
  if (data.length === 0) return 'float';
  let numbers = true;
  let bools = true;
  for (const x of data) {
    if (typeof x === 'boolean') numbers = false;
    else if (x !== undefined && isReal(x)) bools = false;
    else return 'any';
  }
  return bools ? 'bool' : numbers ? 'float' : 'any';
}

export function arrayOf(shape: number[], data: Value[]): JArray {
  return new JArray(shape, data, inferEltype(data));
}
