import { JArray, JRange } from '../../model/index.js';
import { fail } from './errors.js';
import { transposeReals } from './linalg.js';
import { RowVector } from './special-arrays.js';
import { dimsText, materialize } from './shape.js';

/** `transpose(x)` / `x'` for real arrays: a vector becomes a row vector and back, a matrix is flipped. */
export function transposeArray(x: JArray | JRange): JArray {
  const a = materialize(x);
  if (a instanceof RowVector) return JArray.vector(a.data.slice(), a.eltype);
  if (a.ndims === 1) return new RowVector(a.data.slice(), a.eltype);
  if (a.ndims !== 2) return fail(`transpose is not defined for ${dimsText(a.shape)}`);
  const [r, c] = a.shape as [number, number];
  return new JArray([c, r], transposeReals(a.data, r, c), a.eltype);
}
