import type { Real } from '../ad/index.js';

/**
 * A GP's inputs as KernelFunctions reads them: n points of dimension `dim`, point i at
 * values[i·dim … i·dim + dim − 1] (a vector of numbers is n points of dimension 1; ColVecs(X) has one
 * point per column, RowVecs(X) one per row).
 */
export interface Points {
  readonly n: number;
  readonly dim: number;
  readonly values: readonly Real[];
}

export function points(values: readonly Real[], dim: number): Points {
  if (dim < 1 || values.length % dim !== 0) throw new RangeError(`${values.length} coordinates do not make points of dimension ${dim}`);
  return { n: values.length / dim, dim, values };
}
