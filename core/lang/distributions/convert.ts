import { JArray, JRange, MISSING, ModelError, isReal, isDistribution, describe, UniformScaling, type Value } from '../../model/index.js';
import type { Real } from '../../ad/index.js';
import type { Distribution, Univariate } from '../../dist/index.js';

/** Argument conversions for distribution constructors; each error names the family and the argument. */

/** `Normal(μ, σ)` → `Normal`: tables name each constructor by its signature, which completion shows. */
export function nameOf(signature: string): string {
  return signature.slice(0, signature.indexOf('('));
}

/** `arg` may be a function that names it, so that a caller checking many elements builds a name only for one that fails. */
export function real(family: string, arg: string | (() => string), v: Value | undefined): Real {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== undefined && isReal(v)) return v;
  // `m = Normal(0, 1)` where `m ~ Normal(0, 1)` was meant leaves a distribution where its draw should be.
  const meant = v === MISSING
    ? ' (a null in the data reaches here: a missing value can be sampled only where the model draws it, as `x[i] ~ …`; give the value, or drop the row)'
    : isDistribution(v) ? ` (a value drawn from a distribution is written \`m ~ ${v.family}(…)\`; \`m = ${v.family}(…)\` makes m the distribution itself)` : '';
  throw new ModelError(`${family}: ${typeof arg === 'string' ? arg : arg()} must be a number, got ${describe(v)}${meant}`, undefined);
}

export function realVector(family: string, arg: string, v: Value | undefined): Real[] {
  if (v instanceof JRange) return Array.from({ length: v.length }, (_, i) => v.at(i));
  if (v instanceof JArray) {
    return v.data.map((x, i) => {
      if (typeof x === 'boolean') return x ? 1 : 0;
      if (x !== undefined && isReal(x)) return x;
      throw new ModelError(`${family}: ${arg}[${i + 1}] must be a number, got ${describe(x)}`, undefined);
    });
  }
  throw new ModelError(`${family}: ${arg} must be a vector, got ${describe(v)}`, undefined);
}

/** A square matrix as flat column-major values with its size. */
export function realMatrix(family: string, arg: string, v: Value | undefined): { n: number; data: Real[] } {
  if (v instanceof JArray && v.ndims === 2 && v.shape[0] === v.shape[1]) return { n: v.shape[0]!, data: realVector(family, arg, v) };
  if (v instanceof JArray && v.ndims === 2) throw new ModelError(`${family}: ${arg} must be a square matrix, got a ${v.shape.join('×')} matrix`, undefined);
  throw new ModelError(`${family}: ${arg} must be a matrix, got ${describe(v)}`, undefined);
}

export function integer(family: string, arg: string, v: Value | undefined): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw new ModelError(`${family}: ${arg} must be an integer, got ${describe(v)}`, undefined);
}

export function univariate(family: string, arg: string, v: Value | undefined): Univariate {
  if (isDistribution(v) && v.variate === 'univariate') return v as Univariate;
  throw new ModelError(`${family}: ${arg} must be a univariate distribution, got ${describe(v)}`, undefined);
}

export function distributionList(family: string, arg: string, v: Value | undefined): { dists: Distribution[]; shape: number[] } {
  if (v instanceof JArray) {
    const dists = v.data.map((d, i) => {
      if (isDistribution(d)) return d;
      throw new ModelError(`${family}: ${arg}[${i + 1}] must be a distribution, got ${describe(d)}`, undefined);
    });
    return { dists, shape: v.shape.slice() };
  }
  throw new ModelError(`${family}: ${arg} must be an array of distributions, got ${describe(v)}`, undefined);
}

export function isIdentity(v: Value | undefined): v is UniformScaling {
  return v instanceof UniformScaling;
}

export function arity(family: string, args: Value[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    throw new ModelError(`${family} takes ${expected} argument${max === 1 ? '' : 's'}, got ${args.length}`, undefined);
  }
}
