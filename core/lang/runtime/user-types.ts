import type { Support } from '../../bijectors/index.js';
import { ModelError, describe, isReal, type Value } from '../../model/index.js';
import type { Real } from '../../ad/index.js';
import type { Rng } from '../../rng/index.js';

/** What a user's method call gives when the file has no method of that name for the arguments. */
export const NO_METHOD: unique symbol = Symbol('no method');

/**
 * A distribution type the file defines (`struct MyLaplace{T} <: ContinuousUnivariateDistribution`): its fields, and the
 * file's methods for it, which the compiler provides.
 */
export interface StructType {
  readonly name: string;
  readonly discrete: boolean;
  /** `<: …MultivariateDistribution`: a vector whose length is the type's `length(d)` method. */
  readonly multivariate: boolean;
  readonly fields: readonly string[];
  /** Whether the file has a `rand` method of it: without one, a chain starts it where Stan would, and nothing else can draw it. */
  readonly drawable: boolean;
  /** The file's method `name` called with `args`, chosen among those annotated with the type as Julia would; NO_METHOD without one. */
  method(name: string, args: Value[]): Value | typeof NO_METHOD;
  /** Runs `draw` with `rand` and `randn` drawing from the sampler's generator, which `generator` stands for (Random's `rng`). */
  drawing<T>(rng: Rng, draw: (generator: Value) => T): T;
  /** The support a Bijectors transform maps onto ℝ (`Logit(0, 1)`, `elementwise(log)`), if it is one. */
  transformSupport(b: Value): Support | undefined;
}

/** A field of a value of the type, by name (`d.μ`). */
export function fieldOf(type: Pick<StructType, 'name' | 'fields'>, values: readonly Value[], name: string): Value {
  const k = type.fields.indexOf(name);
  if (k < 0) throw new ModelError(`${type.name} has no field ${name}${type.fields.length > 0 ? ` (it has ${type.fields.join(', ')})` : ''}`, undefined);
  return values[k]!;
}

/** What the user's method `name` returned, as a number (a Bool as 0 or 1). */
export function resultReal(type: StructType, name: string, r: Value): Real {
  if (typeof r === 'boolean') return r ? 1 : 0;
  if (!isReal(r)) throw new ModelError(`\`${name}(d::${type.name}, …)\` must return a number, got ${describe(r)}`, undefined);
  return r;
}

/** The method a function of the type needs, which the file does not define. */
export function missingMethod(type: StructType, signature: string, why: string): never {
  throw new ModelError(`${type.name} has no \`${signature}\` method, which ${why}: define \`Distributions.${signature} = …\``, undefined);
}

/** Why a distribution needs `rand`, for the message that it has none. */
export const DRAWS = 'draws from it (prior draws, predictions, discrete parameters)';

/** The support of the user's `bijector(d)`, where the file defines one: Turing samples the variable through it. */
export function bijectorSupport(type: StructType, d: Value): Support | undefined {
  const b = type.method('bijector', [d]);
  if (b === NO_METHOD) return undefined;
  const support = type.transformSupport(b);
  if (support === undefined) throw new ModelError(`\`bijector(d::${type.name})\` must return a transform onto ℝ of Bijectors' (\`Logit(a, b)\`, \`elementwise(log)\`, \`identity\`), got ${describe(b)}`, undefined);
  return support;
}

/** What a value of one of the file's types has: a distribution, univariate or not, or a plain struct. */
export interface StructValue {
  readonly type: Pick<StructType, 'name' | 'fields'>;
  field(name: string): Value;
}

/** Marks the values of the file's types: three classes (univariate and other distributions, plain structs) share it. */
export const STRUCT_VALUE: unique symbol = Symbol('a value of a type of the file');

/** The value as one of the file's distribution types, if it is one. */
export function structValueOf(v: Value | undefined): StructValue | undefined {
  return typeof v === 'object' && v !== null && STRUCT_VALUE in v ? (v as unknown as StructValue) : undefined;
}
