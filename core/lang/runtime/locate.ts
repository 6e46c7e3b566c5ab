import { JArray, JRange, JSymbol, describe, isReal, type Value } from '../../model/index.js';
import { value } from '../../ad/index.js';
import { BoundsError, fail } from './errors.js';
import { COLON, type IndexValue } from './index-value.js';
import { CartesianIndex } from './special-arrays.js';
import { product } from './shape.js';
import { dependsOn } from './dependence.js';

/**
 * Resolves `x[i, j, …]` against a shape, with Julia's rules: one index is linear, trailing indices beyond
 * the array's dimensions must be 1, fewer indices than dimensions fold the rest into the last, scalar
 * indices drop their dimension and array indices contribute their own shape.
 */

export interface Location {
  /** Column-major offsets into the data, in the order of the result. */
  offsets: number[];
  /** The shape of the result; [] when every index is a scalar. */
  shape: number[];
}

interface Resolved {
  positions: number[];
  dims: number[];
}

function isMask(a: JArray): boolean {
  return a.eltype === 'bool' || (a.length > 0 && a.data.every((x) => typeof x === 'boolean'));
}

function indexText(ix: IndexValue): string {
  if (typeof ix === 'number') return String(ix);
  if (ix === COLON) return ':';
  if (ix instanceof JRange) {
    // A Float64 range as written (`1:2.5`), since its last element (2.0) would read as an integer.
    const end = ix.float ? ix.stop : ix.last;
    return ix.step === 1 ? `${ix.start}:${end}` : `${ix.start}:${ix.step}:${end}`;
  }
  if (ix instanceof JArray) return isMask(ix) ? 'a Bool mask' : `[${ix.data.map(String).join(', ')}]`;
  return String(ix);
}

function integerIndex(v: Value | undefined): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (v !== undefined && isReal(v) && Number.isInteger(value(v))) {
    dependsOn('an index', [v]);
    return value(v);
  }
  return fail(`invalid index ${v === undefined ? 'an unassigned element' : describe(v)}: indices must be integers`);
}

/** start, start + step, … (n of them), in a plain loop: `X[i, :]` resolves its colon at every read of a row. */
function positionsFrom(start: number, step: number, n: number): number[] {
  const positions: number[] = new Array(n);
  for (let i = 0; i < n; i++) positions[i] = start + i * step;
  return positions;
}

function resolve(ix: IndexValue, extent: number, target: Value): Resolved {
  if (typeof ix === 'number') return { positions: [integerIndex(ix) - 1], dims: [] };
  if (ix === COLON) return { positions: positionsFrom(0, 1, extent), dims: [extent] };
  if (ix instanceof JRange) {
    // A bound that is not whole makes Julia's range Float64 (`1:2.5`), whose elements are no indices.
    if (ix.float) fail(`invalid index ${indexText(ix)}: indices must be integers`);
    return { positions: positionsFrom(ix.start - 1, ix.step, ix.length), dims: [ix.length] };
  }
  if (ix instanceof JArray) {
    if (isMask(ix)) {
      if (ix.length !== extent) fail(`a Bool mask of length ${ix.length} cannot index ${extent} elements of ${describe(target)}`);
      const positions: number[] = [];
      ix.data.forEach((b, i) => {
        if (b === true) positions.push(i);
      });
      return { positions, dims: [positions.length] };
    }
    return { positions: ix.data.map((v) => integerIndex(v) - 1), dims: ix.shape.slice() };
  }
  if (typeof ix === 'string' || ix instanceof JSymbol) return fail(columnName(ix));
  return fail(`invalid index ${describe(ix as Value)}`);
}

/** `data[i, "γ (N/m)"]`, `df[!, :y]`: a DataFrame's column by name, from a script that passed the model a data frame. */
function columnName(ix: string | JSymbol): string {
  const written = typeof ix === 'string' ? JSON.stringify(ix) : `:${ix.name}`;
  return `a name (${written}) indexes a DataFrame's column, and Tilde builds no data frames: give the model each column as an argument of its own (the data panel or --data gives each argument its column by name), or the numeric columns as one matrix`;
}

/** CartesianIndex(i, j) stands for the indices i, j. */
function flattenIndices(indices: readonly IndexValue[]): IndexValue[] {
  if (!indices.some((ix) => ix instanceof CartesianIndex)) return indices as IndexValue[];
  return indices.flatMap((ix) => (ix instanceof CartesianIndex ? ix.indices : [ix]));
}

/** The extent each index position ranges over. */
function extentsFor(shape: readonly number[], k: number): number[] {
  if (k === 1) return [product(shape)];
  if (k >= shape.length) return Array.from({ length: k }, (_, d) => shape[d] ?? 1);
  return [...shape.slice(0, k - 1), product(shape.slice(k - 1))];
}

/** How many dimensions an index spans: an array of CartesianIndex(i, j) spans two, anything else one. */
function spanOf(ix: IndexValue): number {
  if (!(ix instanceof JArray) || ix.length === 0) return 1;
  const first = ix.data[0];
  return first instanceof CartesianIndex ? first.indices.length : 1;
}

/**
 * `A[v]` with v an array of CartesianIndex over `extents.length` dimensions (LDA's
 * `logθφ[CartesianIndex.(w, doc)]`): positions within those dimensions, in v's shape.
 */
function resolveCartesian(ix: JArray, extents: readonly number[], target: Value): Resolved {
  const positions = ix.data.map((ci) => {
    if (!(ci instanceof CartesianIndex) || ci.indices.length !== extents.length) {
      return fail(`an array of CartesianIndex must hold indices of ${extents.length} dimensions only, got ${describe(ci as Value)}`);
    }
    let position = 0;
    let stride = 1;
    ci.indices.forEach((i, t) => {
      if (!Number.isInteger(i) || i < 1 || i > extents[t]!) fail(`index CartesianIndex(${ci.indices.join(', ')}) is out of bounds for ${describe(target)}`);
      position += (i - 1) * stride;
      stride *= extents[t]!;
    });
    return position;
  });
  return { positions, dims: ix.shape.slice() };
}

/**
 * `X[i, :]`, `X[:, j]`, `A[2:3, k]`: integers, colons and ranges, as many as the array has dimensions, all in
 * bounds, located in one pass; undefined otherwise, for `locate`'s general resolution and its errors. A model's
 * loop reads a row or column this way at every iteration.
 */
function locateSlice(shape: readonly number[], indices: readonly IndexValue[]): Location | undefined {
  if (indices.length !== shape.length) return undefined;
  let offsets = [0];
  const dims: number[] = [];
  let stride = 1;
  for (let d = 0; d < indices.length; d++) {
    const ix = indices[d]!;
    const extent = shape[d]!;
    let start: number;
    let step = 1;
    let n: number;
    if (typeof ix === 'number') {
      if (!Number.isInteger(ix) || ix < 1 || ix > extent) return undefined;
      [start, n] = [ix - 1, 1];
    } else if (ix === COLON) {
      [start, n] = [0, extent];
      dims.push(extent);
    } else if (ix instanceof JRange && !ix.float && (ix.length === 0 || (ix.start >= 1 && ix.start <= extent && ix.last >= 1 && ix.last <= extent))) {
      [start, step, n] = [ix.start - 1, ix.step, ix.length];
      dims.push(n);
    } else {
      return undefined;
    }
    const next: number[] = new Array(offsets.length * n);
    let k = 0;
    for (let t = 0; t < n; t++) {
      const shift = (start + t * step) * stride;
      for (let o = 0; o < offsets.length; o++) next[k++] = offsets[o]! + shift;
    }
    offsets = next;
    stride *= extent;
  }
  return { offsets, shape: dims };
}

export function locate(target: Value, shape: readonly number[], rawIndices: readonly IndexValue[]): Location {
  const slice = locateSlice(shape, rawIndices);
  if (slice !== undefined) return slice;
  const indices = flattenIndices(rawIndices);
  const spans = indices.map(spanOf);
  const k = spans.reduce((a, b) => a + b, 0);
  if (k === 0) {
    if (product(shape) !== 1) fail(`\`x[]\` needs exactly one element, but x is ${describe(target)}`);
    return { offsets: [0], shape: [] };
  }
  const extents = extentsFor(shape, k);
  // The extents each index ranges over: one dimension's, or the product of a CartesianIndex array's.
  const slots: number[][] = [];
  for (let d = 0, s = 0; s < indices.length; d += spans[s]!, s++) slots.push(extents.slice(d, d + spans[s]!));
  const resolved = indices.map((ix, s) => (spans[s]! > 1 ? resolveCartesian(ix as JArray, slots[s]!, target) : resolve(ix, slots[s]![0]!, target)));
  for (let s = 0; s < indices.length; s++) {
    const extent = product(slots[s]!);
    const { positions } = resolved[s]!;
    for (let t = 0; t < positions.length; t++) {
      const p = positions[t]!;
      if (p < 0 || p >= extent) {
        const text = indices.length === 1 ? indexText(indices[0]!) : `[${indices.map(indexText).join(', ')}]`;
        throw new BoundsError(text, describe(target));
      }
    }
  }
  let offsets = [0];
  let stride = 1;
  for (let s = 0; s < indices.length; s++) {
    const { positions } = resolved[s]!;
    const next: number[] = new Array(offsets.length * positions.length);
    let n = 0;
    for (const p of positions) for (const o of offsets) next[n++] = o + p * stride;
    offsets = next;
    stride *= product(slots[s]!);
  }
  return { offsets, shape: resolved.flatMap((r) => r.dims) };
}

/**
 * The offset of `x[i]` or `x[i, j]` for in-bounds integers: the reads and writes inside loops, which
 * skip the general resolution. undefined for anything else, including out-of-bounds indices, so that
 * `locate` reports them.
 */
export function scalarOffset(a: JArray, indices: readonly IndexValue[]): number | undefined {
  const i = indices[0];
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 1) return undefined;
  if (indices.length === 1) return i <= a.data.length ? i - 1 : undefined;
  const j = indices[1];
  if (indices.length !== 2 || a.shape.length !== 2 || typeof j !== 'number' || !Number.isInteger(j) || j < 1) return undefined;
  const rows = a.shape[0]!;
  return i <= rows && j <= a.shape[1]! ? i - 1 + (j - 1) * rows : undefined;
}
