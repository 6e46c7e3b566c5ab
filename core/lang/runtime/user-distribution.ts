import { ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { UnivariateDistribution, guardSupport } from '../../dist/index.js';
import type { Value } from '../../model/index.js';
import type { Rng } from '../../rng/index.js';
import { DRAWS, NO_METHOD, STRUCT_VALUE, bijectorSupport, fieldOf, missingMethod, resultReal, type StructType } from './user-types.js';

/**
 * A value of a file's distribution type: a univariate distribution whose log density, draws and support are the
 * user's methods, run as ordinary model code (every AD backend differentiates them, and a compiled tape refuses a
 * branch on a parameter there as anywhere). Functions of it the user did not define say so by name.
 */
export class UserDistribution extends UnivariateDistribution {
  readonly [STRUCT_VALUE] = true;
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
    return fieldOf(this.type, this.values, name);
  }

  /** The user's method `name` of this distribution, or `otherwise` where the file has none. */
  private call(name: string, rest: Value[], otherwise: () => Real): Real {
    const r = this.type.method(name, [this, ...rest]);
    return r === NO_METHOD ? otherwise() : resultReal(this.type, name, r);
  }

  private missing(signature: string, why: string): never {
    return missingMethod(this.type, signature, why);
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
    if (drawn === NO_METHOD) this.missing(`rand(rng::AbstractRNG, d::${this.type.name})`, DRAWS);
    return value(resultReal(this.type, 'rand', drawn));
  }

  support(): Support {
    if (this.discrete) return { kind: 'discrete' };
    const transformed = bijectorSupport(this.type, this);
    if (transformed !== undefined) return transformed;
    const lower = this.minimum();
    const upper = this.maximum();
    const bounded = (r: Real) => Number.isFinite(value(r));
    if (bounded(lower) && bounded(upper)) return { kind: 'interval', lower, upper };
    if (bounded(lower)) return { kind: 'lower', lower };
    if (bounded(upper)) return { kind: 'upper', upper };
    return { kind: 'real' };
  }

  /** Distributions.jl's default support is the real line; a `bijector` method without `minimum` still bounds it. */
  minimum(): Real {
    return this.call('minimum', [], () => {
      const s = bijectorSupport(this.type, this);
      return s?.kind === 'lower' || s?.kind === 'interval' ? s.lower : -Infinity;
    });
  }

  maximum(): Real {
    return this.call('maximum', [], () => {
      const s = bijectorSupport(this.type, this);
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
