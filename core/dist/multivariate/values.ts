import { value, type Real } from '../../ad/index.js';
import { DistributionArgumentError } from '../types.js';

/** The primal values of a flat `Real[]`, for the plain-number arithmetic every log density runs on. */
export function valuesOf(xs: readonly Real[]): Float64Array {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = value(xs[i]!);
  return out;
}

/** Julia throws a DimensionMismatch here; a value of the wrong size is a model error, never a density. */
export function checkLength(family: string, x: readonly Real[], n: number): void {
  if (x.length !== n) throw new DistributionArgumentError(family, 'x', `expected a value with ${n} elements, got ${x.length}`);
}
