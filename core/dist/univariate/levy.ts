import type { Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { erf, erfcinv, LOG_SQRT_2PI, normlogcdf } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite, checkPositive } from './check.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [μ: number, σ: number];

/**
 * Levy(μ, σ): location μ, scale σ, on x > μ; F(x) = erfc(w) with w = √(σ/(2(x − μ))). As a location–scale
 * family its cdf partials are g_μ = −1 and g_σ = −(x − μ)/σ.
 */
class LevyDist extends ScalarUnivariate<P> {
  readonly family = 'Levy';
  readonly discrete = false;

  constructor(
    private readonly μ: Real,
    σ: Real,
  ) {
    super([μ, σ], [checkFinite('Levy', 'μ', μ, 'location μ'), checkPositive('Levy', 'σ', σ, 'scale σ')]);
  }

  protected lpdf(x: number, [m, s]: P): number {
    const d = x - m;
    if (!(d > 0) || d === Infinity) return -Infinity;
    return 0.5 * Math.log(s) - LOG_SQRT_2PI - 1.5 * Math.log(d) - s / (2 * d);
  }

  protected lpdfGrad(x: number, [m, s]: P): ArrayLike<number> {
    const d = x - m;
    const dx = -1.5 / d + s / (2 * d * d);
    return [dx, -dx, 0.5 / s - 0.5 / d];
  }

  /** log erfc(w) = log 2 + log Φ(−w√2), which does not underflow as x approaches μ. */
  protected lcdf(x: number, [m, s]: P): number {
    if (x <= m) return -Infinity;
    return Math.LN2 + normlogcdf(-Math.sqrt(s / (x - m)));
  }

  /** log erf(w), from erf itself where w is small (far out in the tail) and from 1 − erfc otherwise. */
  protected lccdf(x: number, θ: P): number {
    const [m, s] = θ;
    if (x <= m) return 0;
    const w = Math.sqrt(s / (2 * (x - m)));
    return w < 0.5 ? Math.log(erf(w)) : Math.log1p(-Math.exp(this.lcdf(x, θ)));
  }

  protected cdfGrad(x: number, [m, s]: P): readonly number[] {
    return [-1, -(x - m) / s];
  }

  protected quantileOf(p: number): number {
    const [m, s] = this.θ;
    const e = erfcinv(p);
    return m + s / (2 * e * e);
  }

  support(): Support {
    return { kind: 'lower', lower: this.μ };
  }

  mean(): Real {
    return Infinity;
  }

  var(): Real {
    return Infinity;
  }

  minimum(): Real {
    return this.μ;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    const z = rng.normal();
    return this.θ[0] + this.θ[1] / (z * z);
  }
}

export function Levy(μ: Real = 0, σ: Real = 1): UnivariateDistribution {
  return new LevyDist(μ, σ);
}
