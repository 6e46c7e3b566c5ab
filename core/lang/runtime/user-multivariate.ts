import { ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Multivariate } from '../../dist/index.js';
import { JArray, ModelError, describe, isReal, type Value } from '../../model/index.js';
import type { Rng } from '../../rng/index.js';
import { DRAWS, NO_METHOD, STRUCT_VALUE, bijectorSupport, fieldOf, missingMethod, resultReal, type StructType } from './user-types.js';

/**
 * A value of a file's vector distribution type (`struct MyMv <: ContinuousMultivariateDistribution`), as Distributions.jl
 * asks one to be written: `length(d)`, `_logpdf(d, x::AbstractVector)` (or `logpdf`), and `_rand!(rng, d, x)` (or
 * `rand(rng, d)`) for draws; its support is its `bijector(d)`'s, else the real line.
 */
export class UserMultivariate implements Multivariate {
  readonly [STRUCT_VALUE] = true;
  readonly variate = 'multivariate' as const;
  readonly family: string;
  readonly discrete: boolean;
  readonly shape: readonly number[];
  readonly improper?: boolean;

  constructor(
    readonly type: StructType,
    readonly values: readonly Value[],
  ) {
    this.family = type.name;
    this.discrete = type.discrete;
    if (!type.drawable) this.improper = true;
    const n = type.method('length', [this]);
    if (n === NO_METHOD) missingMethod(type, `length(d::${type.name})`, 'gives the length of its vectors');
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new ModelError(`\`length(d::${type.name})\` must return a whole number, got ${describe(n)}`, undefined);
    this.shape = [n];
  }

  field(name: string): Value {
    return fieldOf(this.type, this.values, name);
  }

  logpdf(x: readonly Real[]): Real {
    const v = JArray.vector(x.slice(), 'float');
    for (const name of ['_logpdf', 'logpdf']) {
      const r = this.type.method(name, [this, v]);
      if (r !== NO_METHOD) return resultReal(this.type, name, r);
    }
    const p = this.type.method('pdf', [this, v]);
    if (p !== NO_METHOD) return ops.log(resultReal(this.type, 'pdf', p));
    return missingMethod(this.type, `_logpdf(d::${this.type.name}, x::AbstractVector{<:Real})`, 'gives its log density');
  }

  rand(rng: Rng): Float64Array {
    const n = this.shape[0]!;
    const drawn = this.type.drawing(rng, (generator) => {
      const x = JArray.vector(new Array<Value>(n).fill(0), 'float');
      // Distributions.jl's `_rand!` fills the vector it is given; `rand` returns one.
      const filled = this.type.method('_rand!', [generator, this, x]);
      if (filled !== NO_METHOD) return x;
      const r = this.type.method('rand', [generator, this]);
      return r === NO_METHOD ? this.type.method('rand', [this]) : r;
    });
    if (drawn === NO_METHOD) missingMethod(this.type, `_rand!(rng::AbstractRNG, d::${this.type.name}, x::AbstractVector{<:Real})`, DRAWS);
    if (!(drawn instanceof JArray) || drawn.length !== n || !drawn.data.every(isReal)) {
      throw new ModelError(`a draw of ${this.type.name} must be a vector of ${n} numbers (its \`length(d)\`), got ${describe(drawn)}`, undefined);
    }
    return Float64Array.from(drawn.data, (v) => value(v as Real));
  }

  support(): Support {
    if (this.discrete) return { kind: 'discrete' };
    return bijectorSupport(this.type, this) ?? { kind: 'real' };
  }
}
