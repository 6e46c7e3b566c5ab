import { ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { UnivariateDistribution, guardSupport } from '../../dist/index.js';
import { ModelError, describe, isReal, type Value } from '../../model/index.js';
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

/**
 * A value of a file's distribution type: a univariate distribution whose log density, draws and support are the
 * user's methods, run as ordinary model code (every AD backend differentiates them, and a compiled tape refuses a
 * branch on a parameter there as anywhere). Functions of it the user did not define say so by name.
 */
export class UserDistribution extends UnivariateDistribution {
  readonly family: string;
  readonly discrete: boolean;
  readonly improper?: boolean;

  constructor(
    readonly type: StructType,
    readonly values: readonly Value[],
  ) {
    super();
    this.family = type.name;
    this.discrete = type.discrete;
    if (!type.drawable) this.improper = true;
  }

  field(name: string): Value {
    const k = this.type.fields.indexOf(name);
    if (k < 0) throw new ModelError(`${this.type.name} has no field ${name}${this.type.fields.length > 0 ? ` (it has ${this.type.fields.join(', ')})` : ''}`, undefined);
    return this.values[k]!;
  }

  /** The user's method `name` of this distribution, or `otherwise` where the file has none. */
  private call(name: string, rest: Value[], otherwise: () => Real): Real {
    const r = this.type.method(name, [this, ...rest]);
    if (r === NO_METHOD) return otherwise();
    if (typeof r === 'boolean') return r ? 1 : 0;
    if (!isReal(r)) throw new ModelError(`\`${name}(d::${this.type.name}${rest.length > 0 ? ', x' : ''})\` must return a number, got ${describe(r)}`, undefined);
    return r;
  }

  private missing(signature: string, why: string): never {
    throw new ModelError(`${this.type.name} has no \`${signature}\` method, which ${why}: define \`Distributions.${signature} = …\``, undefined);
  }

  logpdf(x: Real): Real {
    const density = () => this.call('logpdf', [x], () => ops.log(this.call('pdf', [x], () => this.missing(`logpdf(d::${this.type.name}, x::Real)`, 'gives its log density'))));
    if (this.type.method('insupport', [this, value(x)]) === NO_METHOD) return density();
    // Asked again of the value a compiled tape replays at, as the built-in families' support checks are.
    const outside = (v: ArrayLike<number>) => (this.type.method('insupport', [this, v[0]!]) === false ? -Infinity : undefined);
    return guardSupport([x], outside, density, `\`insupport(d::${this.type.name}, x)\``);
  }

  rand(rng: Rng): number {
    const drawn = this.type.drawing(rng, (generator) => {
      const r = this.type.method('rand', [generator, this]);
      return r === NO_METHOD ? this.type.method('rand', [this]) : r;
    });
    if (drawn === NO_METHOD) this.missing(`rand(rng::AbstractRNG, d::${this.type.name})`, 'draws from it (prior draws, predictions, discrete parameters)');
    if (!isReal(drawn)) throw new ModelError(`\`rand(rng, d::${this.type.name})\` must return a number, got ${describe(drawn)}`, undefined);
    return value(drawn);
  }

  support(): Support {
    if (this.discrete) return { kind: 'discrete' };
    const transformed = this.bijectorSupport();
    if (transformed !== undefined) return transformed;
    const lower = this.minimum();
    const upper = this.maximum();
    const bounded = (r: Real) => Number.isFinite(value(r));
    if (bounded(lower) && bounded(upper)) return { kind: 'interval', lower, upper };
    if (bounded(lower)) return { kind: 'lower', lower };
    if (bounded(upper)) return { kind: 'upper', upper };
    return { kind: 'real' };
  }

  /** The support of the user's `bijector(d)`, where the file defines one: Turing samples the variable through it. */
  private bijectorSupport(): Support | undefined {
    const b = this.type.method('bijector', [this]);
    if (b === NO_METHOD) return undefined;
    const support = this.type.transformSupport(b);
    if (support === undefined) throw new ModelError(`\`bijector(d::${this.type.name})\` must return a transform onto ℝ of Bijectors' (\`Logit(a, b)\`, \`elementwise(log)\`, \`identity\`), got ${describe(b)}`, undefined);
    return support;
  }

  /** Distributions.jl's default support is the real line; a `bijector` method without `minimum` still bounds it. */
  minimum(): Real {
    return this.call('minimum', [], () => {
      const s = this.bijectorSupport();
      return s?.kind === 'lower' || s?.kind === 'interval' ? s.lower : -Infinity;
    });
  }

  maximum(): Real {
    return this.call('maximum', [], () => {
      const s = this.bijectorSupport();
      return s?.kind === 'upper' || s?.kind === 'interval' ? s.upper : Infinity;
    });
  }

  logcdf(x: Real): Real {
    return this.call('logcdf', [x], () => ops.log(this.call('cdf', [x], () => this.missing(`cdf(d::${this.type.name}, x::Real)`, 'gives its distribution function'))));
  }

  logccdf(x: Real): Real {
    return this.call('logccdf', [x], () => ops.log1p(ops.neg(ops.exp(this.logcdf(x)))));
  }

  mean(): Real {
    return this.call('mean', [], () => this.missing(`mean(d::${this.type.name})`, 'gives its mean'));
  }

  var(): Real {
    return this.call('var', [], () => this.missing(`var(d::${this.type.name})`, 'gives its variance'));
  }

  protected quantileOf(p: number): number {
    return value(this.call('quantile', [p], () => this.missing(`quantile(d::${this.type.name}, q::Real)`, 'gives its quantiles')));
  }
}
