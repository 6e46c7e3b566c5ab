import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { log1mexp } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkScale } from './check.js';
import { EULER_GAMMA } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [σ: number];

/** Rayleigh(σ): scale σ, F(x) = 1 − exp(−x²/2σ²) on x ≥ 0; σ is a scale, so g_σ = −x/σ. */
class RayleighDist extends ScalarUnivariate<P> {
  readonly family = 'Rayleigh';
  readonly discrete = false;

  constructor(private readonly σ: Real) {
    super([σ], [checkScale('Rayleigh', 'σ', σ, 'scale σ')]);
  }

  protected lpdf(x: number, [s]: P): number {
    if (x < 0 || x === Infinity) return -Infinity;
    return Math.log(x) - 2 * Math.log(s) - (x * x) / (2 * s * s);
  }

  protected lpdfGrad(x: number, [s]: P): ArrayLike<number> {
    const s2 = s * s;
    return [1 / x - x / s2, (x * x) / (s2 * s) - 2 / s];
  }

  protected lcdf(x: number, [s]: P): number {
    return x <= 0 ? -Infinity : log1mexp(-(x * x) / (2 * s * s));
  }

  protected lccdf(x: number, [s]: P): number {
    return x <= 0 ? 0 : -(x * x) / (2 * s * s);
  }

  protected cdfGrad(x: number, [s]: P): readonly number[] {
    return [-x / s];
  }

  protected quantileOf(p: number): number {
    return this.θ[0] * Math.sqrt(-2 * Math.log1p(-p));
  }

  protected override cquantileOf(q: number): number {
    return this.θ[0] * Math.sqrt(-2 * Math.log(q));
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  /** σ √(π/2) */
  mean(): Real {
    return ops.mul(this.σ, Math.sqrt(Math.PI / 2));
  }

  /** (4 − π)/2 σ² */
  var(): Real {
    return ops.mul(ops.abs2(this.σ), (4 - Math.PI) / 2);
  }

  override mode(): Real {
    return this.σ;
  }

  /** 1 − log(2)/2 + γ/2 + log σ */
  override entropy(): Real {
    return ops.add(1 - Math.LN2 / 2 + EULER_GAMMA / 2, ops.log(this.σ));
  }

  /** 2√π(π − 3)/(4 − π)^(3/2) */
  override skewness(): Real {
    return 0.6311106578189364;
  }

  /** −(6π² − 24π + 16)/(4 − π)² */
  override kurtosis(): Real {
    return 0.2450893006876391;
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return this.θ[0] * Math.sqrt(2 * rng.exponential());
  }
}

export function Rayleigh(σ: Real = 1): UnivariateDistribution {
  return new RayleighDist(σ);
}
