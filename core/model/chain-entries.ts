import type { Distribution } from '../dist/index.js';
import { elementNames } from './varname.js';

/**
 * What the chains hold of a variable, as DynamicPPL flattens a draw: every entry of its value, except that
 * a Cholesky factor (LKJCholesky) is named through its factor, `Ω.L[i, j]` (`Ω.U[i, j]`), and only its
 * triangle is held, the other being zero by construction (DynamicPPL's leaves of `Cholesky` and of
 * `LowerTriangular`/`UpperTriangular`).
 */
export interface ChainEntries {
  /** A name for every entry of the value, column-major. */
  names: string[];
  /** The entries the chains hold, by index, ascending; undefined for all of them. */
  held: number[] | undefined;
}

export function chainEntries(name: string, dist: Distribution): ChainEntries {
  const support = dist.support();
  if (support.kind !== 'corr-cholesky') return { names: elementNames(name, dist.shape), held: undefined };
  const d = support.dim;
  const held: number[] = [];
  // Column-major (i, j), 0-based: the flat index is i + j·d; the factor's triangle holds i ≥ j ('L') or i ≤ j ('U').
  for (let j = 0; j < d; j++) for (let i = 0; i < d; i++) if (support.uplo === 'L' ? i >= j : i <= j) held.push(i + j * d);
  return { names: elementNames(`${name}.${support.uplo}`, [d, d]), held };
}

/** The entries of `all` (a variable's names or values) that its chains hold. */
export function heldOf<T>(held: readonly number[] | undefined, all: ArrayLike<T>): T[] {
  return held === undefined ? Array.from(all) : held.map((k) => all[k]!);
}

/** A full value from the held entries, the others zero (as the factor's other triangle is). */
export function fromHeld(held: readonly number[] | undefined, length: number, values: readonly number[]): number[] {
  if (held === undefined) return [...values];
  const full = new Array<number>(length).fill(0);
  held.forEach((k, i) => (full[k] = values[i]!));
  return full;
}
