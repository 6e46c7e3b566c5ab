import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { digamma, gammaPInv, lgamma } from '../../math/index.js';
import { randGamma, type Rng } from '../../rng/index.js';
import { checkInteger, checkPositive, checkScale } from './check.js';
import { logGammaP, logGammaQ } from './incomplete.js';
import { xlogy } from './numeric.js';
import { DistributionArgumentError } from '../types.js';
import { UnivariateDistribution } from './base.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [α: number, θ: number];

/** StatsFuns' gammalogpdf: x^(α−1) e^(−x/θ) / (Γ(α) θ^α), with 0·log 0 = 0 so x = 0 works for α = 1. */
export function gammaLogpdf(α: number, θ: number, x: number): number {
  if (x < 0) return -Infinity;
  const y = x / θ;
  return xlogy(α - 1, y) - y - lgamma(α) - Math.log(θ);
}

/** [∂/∂x, ∂/∂α, ∂/∂θ] of `gammaLogpdf`. */
export function gammaLogpdfGrad(α: number, θ: number, x: number): [number, number, number] {
  return [(α - 1) / x - 1 / θ, Math.log(x / θ) - digamma(α), (x / θ - α) / θ];
}

/** Gamma(α, θ): shape α and SCALE θ, as in Distributions.jl; Erlang is this with an integer shape. */
class GammaDist extends ScalarUnivariate<P> {
  readonly discrete = false;

  /** `α` and `θ` as given; `αv` is α's value, checked by the family's constructor. */
  constructor(
    readonly family: 'Gamma' | 'Erlang',
    private readonly shapeα: Real,
    private readonly scale: Real,
    αv: number,
  ) {
    super([shapeα, scale], [αv, checkScale(family, 'θ', scale, 'scale θ')]);
  }

  protected lpdf(x: number, [a, s]: P): number {
    return gammaLogpdf(a, s, x);
  }

  protected lpdfGrad(x: number, [a, s]: P): ArrayLike<number> {
    return gammaLogpdfGrad(a, s, x);
  }

  protected lcdf(x: number, [a, s]: P): number {
    return logGammaP(a, x / s);
  }

  protected lccdf(x: number, [a, s]: P): number {
    return logGammaQ(a, x / s);
  }

  protected cdfGrad(x: number, [, s]: P): readonly (number | null)[] {
    return [null, -x / s];
  }

  protected quantileOf(p: number): number {
    return this.θ[1] * gammaPInv(this.θ[0], p);
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  mean(): Real {
    return ops.mul(this.shapeα, this.scale);
  }

  var(): Real {
    return ops.mul(this.shapeα, ops.abs2(this.scale));
  }

  /** θ(α − 1); Distributions.jl has none for α < 1, where the density has no maximum. */
  override mode(): Real {
    noteValueDependence(this.shapeα, '`mode`');
    if (this.θ[0] < 1) throw new DistributionArgumentError(this.family, 'α', `no mode when the shape α < 1, got ${this.θ[0]}`);
    return ops.mul(this.scale, ops.sub(this.shapeα, 1));
  }

  /** α + log Γ(α) + (1 − α) ψ(α) + log θ */
  override entropy(): Real {
    const a = this.shapeα;
    return ops.add(ops.add(ops.add(a, ops.lgammaOp(a)), ops.mul(ops.sub(1, a), ops.digammaOp(a))), ops.log(this.scale));
  }

  override skewness(): Real {
    return ops.div(2, ops.sqrt(this.shapeα));
  }

  override kurtosis(): Real {
    return ops.div(6, this.shapeα);
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return randGamma(rng, this.θ[0], this.θ[1]);
  }
}

export function Gamma(α: Real = 1, θ: Real = 1): UnivariateDistribution {
  return new GammaDist('Gamma', α, θ, checkPositive('Gamma', 'α', α, 'shape α'));
}

/** Erlang(α, θ): Gamma with a whole-number shape, which Distributions.jl stores as an Int. */
export function Erlang(α: Real = 1, θ: Real = 1): UnivariateDistribution {
  return new GammaDist('Erlang', α, θ, checkInteger('Erlang', 'α', α, 1, 'shape α'));
}
