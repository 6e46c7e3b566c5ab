import type { Real } from '../../ad/index.js';
import { cholesky } from '../../math/index.js';
import { DistributionArgumentError } from '../types.js';

/**
 * Entries [from, to) of a recompute rule's input values. A view when it can be: a rule must not keep its
 * inputs, which a tape reuses, so anything kept (a factorisation's values) is copied where it is kept.
 */
export function part(v: ArrayLike<number>, from: number, to: number): Float64Array {
  if (v instanceof Float64Array) return v.subarray(from, to);
  // A loop: `Float64Array.from` with a mapping function takes V8's generic iterator path.
  const out = new Float64Array(to - from);
  for (let i = 0; i < out.length; i++) out[i] = v[from + i]!;
  return out;
}

/** The `b.length` entries of `a` from `from` on are `b`'s, bit for bit: a rule's parameters still those a distribution precomputed from. */
export function sameValues(a: ArrayLike<number>, b: ArrayLike<number>, from = 0): boolean {
  for (let i = 0; i < b.length; i++) if (!Object.is(a[from + i], b[i])) return false;
  return true;
}

/** Julia throws a DimensionMismatch here; a value of the wrong size is a model error, never a density. */
export function checkLength(family: string, x: readonly Real[], n: number): void {
  if (x.length !== n) throw new DistributionArgumentError(family, 'x', `expected a value with ${n} elements, got ${x.length}`);
}

/** Differences up to this relative size are rounding from building a matrix elementwise, not asymmetry. */
const SYMMETRY_RTOL = 1e-8;

/** The first (i, j), i > j, where the n×n matrix a differs from its transpose by more than rounding. */
export function asymmetry(a: ArrayLike<number>, n: number): [number, number] | undefined {
  for (let j = 0; j < n; j++) {
    for (let i = j + 1; i < n; i++) {
      const aij = a[i + j * n]!;
      const aji = a[j + i * n]!;
      const scale = Math.max(Math.sqrt(Math.abs(a[i + i * n]! * a[j + j * n]!)), Math.abs(aij), Math.abs(aji));
      if (!(Math.abs(aij - aji) <= SYMMETRY_RTOL * scale)) return [i, j];
    }
  }
  return undefined;
}

/** The Cholesky factor of a matrix value that is symmetric and positive definite; null puts it outside the support. */
export function spdFactor(x: ArrayLike<number>, n: number): Float64Array | null {
  return asymmetry(x, n) === undefined ? cholesky(x, n) : null;
}
