import { checkDomain, checkDomainOf, value, type Real } from '../../ad/index.js';
import { DistributionArgumentError } from '../types.js';

/**
 * Argument checks shared by the constructors. Each returns the plain value and throws a
 * `DistributionArgumentError` that names the family, the argument and the offending value
 * (`Gamma: shape α must be positive, got -1`); NaN fails every check. They go through `checkDomain`, so a
 * compiled tape makes them again at every replay and rejects the points plain evaluation rejects (a
 * Bernoulli's p above 1 gives a finite log density where y = 1).
 */

function fail(family: string, arg: string, label: string, requirement: string, got: number): never {
  throw new DistributionArgumentError(family, arg, `${label} must be ${requirement}, got ${got}`);
}

/**
 * `x`'s value, when `inside` holds for it, else the error naming what it must be (`requirement` of the
 * value, so that one predicate may fail for more than one reason). The predicates are the module's own
 * functions, one per kind of check, so that a tape can tell repeated checks of one value apart.
 */
function checked(family: string, arg: string, label: string, x: Real, inside: (v: number) => boolean, requirement: (v: number) => string): number {
  if (typeof x === 'number') {
    if (!inside(x)) fail(family, arg, label, requirement(x), x);
    return x;
  }
  checkDomain(x, inside, (v) => new DistributionArgumentError(family, arg, `${label} must be ${requirement(v)}, got ${v}`));
  return x.v;
}

const isFiniteValue = (v: number): boolean => Number.isFinite(v);
const isPositiveFinite = (v: number): boolean => v > 0 && v !== Infinity;
const isPositive = (v: number): boolean => v > 0;
const isNonNegative = (v: number): boolean => v >= 0;
const isNonNegativeFinite = (v: number): boolean => v >= 0 && v !== Infinity;
const isProbability = (v: number): boolean => v >= 0 && v <= 1;
const isOpenProbability = (v: number): boolean => v > 0 && v <= 1;

const finite = (): string => 'finite';
const positive = (v: number): string => (v === Infinity ? 'finite' : 'positive');
const nonNegative = (v: number): string => (v === Infinity ? 'finite' : 'non-negative');
const positiveOnly = (): string => 'positive';
const nonNegativeOnly = (): string => 'non-negative';
const inClosedUnit = (): string => 'in [0, 1]';
const inHalfOpenUnit = (): string => 'in (0, 1]';

/**
 * A condition on several arguments together (`a < b`), with the message `requirement` gives for their
 * values; through `checkDomainOf`, so a compiled tape makes it again at every replay. `inside` should be
 * a module's own function, one per kind of check, as for the others.
 */
export function checkJointly(family: string, arg: string, xs: readonly Real[], inside: (v: ArrayLike<number>) => boolean, requirement: (v: ArrayLike<number>) => string): void {
  checkDomainOf(xs, inside, (v) => new DistributionArgumentError(family, arg, requirement(v)));
}

export function checkFinite(family: string, arg: string, x: Real, label = arg): number {
  return checked(family, arg, label, x, isFiniteValue, finite);
}

export function checkPositive(family: string, arg: string, x: Real, label = arg): number {
  return checked(family, arg, label, x, isPositiveFinite, positive);
}

/**
 * A scale parameter as Distributions.jl checks it, `σ > 0` and no more: +Inf passes (a scale that overflowed),
 * and the density is then 0 (log density −Inf) everywhere, as there.
 */
export function checkScale(family: string, arg: string, x: Real, label = arg): number {
  return checked(family, arg, label, x, isPositive, positiveOnly);
}

/** Normal's σ as Distributions.jl checks it, `σ ≥ 0`: 0 (a scale that underflowed) is the point mass at μ, +Inf passes. */
export function checkScaleOrZero(family: string, arg: string, x: Real, label = arg): number {
  return checked(family, arg, label, x, isNonNegative, nonNegativeOnly);
}

export function checkNonNegative(family: string, arg: string, x: Real, label = arg): number {
  return checked(family, arg, label, x, isNonNegativeFinite, nonNegative);
}

/** A probability in [lo, 1]; lo = 0 by default, NegativeBinomial and Geometric need p > 0. */
export function checkProbability(family: string, arg: string, x: Real, openAtZero = false, label = arg): number {
  return openAtZero ? checked(family, arg, label, x, isOpenProbability, inHalfOpenUnit) : checked(family, arg, label, x, isProbability, inClosedUnit);
}

export function checkInteger(family: string, arg: string, x: Real, min = -Infinity, label = arg): number {
  const v = value(x);
  if (!Number.isSafeInteger(v)) fail(family, arg, label, min === 0 ? 'a non-negative integer' : 'an integer', v);
  if (v < min) fail(family, arg, label, min === 0 ? 'a non-negative integer' : `an integer ≥ ${min}`, v);
  return v;
}

/**
 * Why `v` is no probability vector, or undefined: Distributions.jl's `isprobvec`, every weight ≥ 0 and
 * `isapprox(sum(v), 1)` at its default relative tolerance √eps (of the larger of the sum and 1; an
 * infinite sum is never close).
 */
function probVectorProblem(arg: string, v: ArrayLike<number>): string | undefined {
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    if (!(v[i]! >= 0)) return `but ${arg}[${i + 1}] = ${v[i]}`;
    sum += v[i]!;
  }
  return sum < Infinity && Math.abs(sum - 1) <= Math.sqrt(Number.EPSILON) * Math.max(1, sum) ? undefined : `but its sum is ${sum}`;
}

/** Distributions.jl's `isprobvec`: the probability vectors' check, and the simplex's support check. */
export const isProbVector = (v: ArrayLike<number>): boolean => probVectorProblem('p', v) === undefined;

const probVectorMessage = (arg: string, problem: string): string => `${arg} must be a probability vector (non-negative, summing to 1), ${problem}`;

/**
 * Weights that are a probability vector (`isProbVector`), for every family that takes one. Checked on
 * plain values, and kept for a compiled tape's replays where a weight is an AD value (`Categorical([1 - m, m])`).
 */
export function checkProbVector(family: string, arg: string, p: readonly Real[]): Float64Array {
  if (p.length === 0) throw new DistributionArgumentError(family, arg, `${arg} must not be empty`);
  // A plain loop: `Float64Array.from(p, value)` took V8's generic iterator path, 7 % of a particle Gibbs sweep.
  const v = new Float64Array(p.length);
  let ad = false;
  for (let i = 0; i < v.length; i++) {
    const x = p[i]!;
    if (typeof x !== 'number') ad = true;
    v[i] = value(x);
  }
  const problem = probVectorProblem(arg, v);
  if (problem !== undefined) throw new DistributionArgumentError(family, arg, probVectorMessage(arg, problem));
  if (ad) checkJointly(family, arg, p, isProbVector, (w) => probVectorMessage(arg, probVectorProblem(arg, w)!));
  return v;
}

/** The first element of `v` that is not positive and finite, 1-based, or 0. */
export function firstNotPositive(v: ArrayLike<number>): number {
  for (let i = 0; i < v.length; i++) if (!(v[i]! > 0 && v[i]! < Infinity)) return i + 1;
  return 0;
}

/** Every element positive and finite, as Dirichlet's α must be. */
export const allPositiveFinite = (v: ArrayLike<number>): boolean => firstNotPositive(v) === 0;
