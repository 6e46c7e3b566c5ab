import { type Real } from '../ad/index.js';
import type { Distribution } from '../dist/index.js';
import { transpose } from '../bijectors/index.js';
import { JArray, JCholesky, isReal, describe, type Value } from './values.js';
import { ModelError } from './diagnostic.js';

/**
 * Conversions between model values and the flat, column-major `Real[]` that distributions and
 * bijectors work on.
 */

/** Distributions.jl's Bernoulli draws a Bool: a model tests it (`z ? a : b`, `if z`) where an Int would not do. */
const BOOLEAN_FAMILIES: ReadonlySet<string> = new Set(['Bernoulli', 'BernoulliLogit']);

/** Whether a univariate family's draws are Bools in the model. */
export function drawsBooleans(family: string): boolean {
  return BOOLEAN_FAMILIES.has(family);
}

/** The model value a distribution's flat draw stands for: a number, a vector, a matrix or a Cholesky factor. */
export function fromFlat(dist: Distribution, flat: readonly Real[]): Value {
  if (dist.variate === 'univariate') return drawsBooleans(dist.family) ? flat[0] === 1 : flat[0]!;
  const eltype = dist.discrete ? 'int' : 'float';
  const array = new JArray(dist.shape.slice(), flat.slice(), eltype);
  if (dist.family === 'LKJCholesky') {
    const support = dist.support();
    const uplo = support.kind === 'corr-cholesky' ? support.uplo : 'L';
    // LKJCholesky(d, η, 'U') draws the upper factor U; the value holds L = Uᵀ, from which `.U` transposes back.
    return new JCholesky(uplo === 'U' ? transposed(array) : array, uplo);
  }
  return array;
}

/** A square matrix's transpose (a Cholesky factor's other triangle). */
function transposed(a: JArray): JArray {
  return new JArray(a.shape.slice(), transpose(a.data, a.shape[0]!), a.eltype);
}

/** The triangle of a factorisation that `dist` draws: U = Lᵀ for LKJCholesky(d, η, 'U'). */
function factorFor(dist: Distribution, v: JCholesky): JArray {
  const support = dist.support();
  return support.kind === 'corr-cholesky' && support.uplo === 'U' ? transposed(v.lower) : v.lower;
}

/** A name for messages, built only if there is an error to report: observations are on the hot path. */
type Label = string | (() => string);

function label(what: Label): string {
  return typeof what === 'function' ? what() : what;
}

/** The flat form of a value for `dist`, or a ModelError that names what is wrong with it. */
export function toFlat(dist: Distribution, v: Value, what: Label): Real[] {
  if (dist.variate === 'univariate') {
    if (typeof v === 'boolean') return [v ? 1 : 0];
    if (isReal(v)) return [v];
    throw new ModelError(`${label(what)} is ${describe(v)}, but ${dist.family} is a distribution over numbers`, undefined);
  }
  const array = v instanceof JCholesky ? factorFor(dist, v) : v;
  if (!(array instanceof JArray)) {
    throw new ModelError(`${label(what)} is ${describe(v)}, but ${dist.family} is a distribution over ${shapeText(dist.shape)}`, undefined);
  }
  const expected = dist.shape.reduce((a, b) => a * b, 1);
  if (array.length !== expected || (dist.shape.length === 2 && array.ndims === 2 && (array.shape[0] !== dist.shape[0] || array.shape[1] !== dist.shape[1]))) {
    throw new ModelError(`${label(what)} is ${describe(array)}, but ${dist.family} here is a distribution over ${shapeText(dist.shape)}`, undefined);
  }
  const out: Real[] = new Array(array.length);
  for (let i = 0; i < array.length; i++) {
    const x = array.data[i];
    if (typeof x === 'boolean') out[i] = x ? 1 : 0;
    else if (isReal(x)) out[i] = x;
    else throw new ModelError(`${label(what)}[${i + 1}] is ${describe(x)}; a ${dist.family} value must hold numbers only`, undefined);
  }
  return out;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function shapeText(shape: readonly number[]): string {
  if (shape.length === 0) return 'numbers';
  if (shape.length === 1) return `vectors of length ${shape[0]}`;
  return `${shape.join('×')} matrices`;
}
