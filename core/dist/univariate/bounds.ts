import { ops, value, type Real } from '../../ad/index.js';
import { checkJointly } from './check.js';

/** The bounds of truncated(D, l, u) and censored(D, l, u); either may be absent. */
export interface Bounds {
  readonly lower: Real | undefined;
  readonly upper: Real | undefined;
}

const notNaN = (v: ArrayLike<number>): boolean => !Number.isNaN(v[0]!);
const ordered = (v: ArrayLike<number>): boolean => v[0]! <= v[1]!;
const disordered = (v: ArrayLike<number>): string => `lower must be at most upper, got lower = ${v[0]}, upper = ${v[1]}`;

/**
 * The bounds as given to truncated or censored (`family`), with an infinite bound read as none, as in
 * Distributions.jl; a NaN bound or lower > upper is an argument error.
 */
export function checkBounds(family: string, lower?: Real, upper?: Real): Bounds {
  const l = lower === undefined || value(lower) === -Infinity ? undefined : lower;
  const u = upper === undefined || value(upper) === Infinity ? undefined : upper;
  for (const [name, b] of [['lower', l], ['upper', u]] as const) {
    if (b !== undefined) checkJointly(family, name, [b], notNaN, () => `${name} must not be NaN`);
  }
  if (l !== undefined && u !== undefined) checkJointly(family, 'upper', [l, u], ordered, disordered);
  return { lower: l, upper: u };
}

/** `outer` applied to a distribution already bounded by `inner`: Distributions.jl nests them as their intersection. */
export function intersectBounds(outer: Bounds, inner: Bounds): Bounds {
  const { lower: l, upper: u } = outer;
  return {
    lower: inner.lower === undefined ? l : l === undefined ? inner.lower : ops.max(l, inner.lower),
    upper: inner.upper === undefined ? u : u === undefined ? inner.upper : ops.min(u, inner.upper),
  };
}
