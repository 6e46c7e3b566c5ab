import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { LOG_SQRT_2PI, normlogccdf, normlogcdf, norminvcdf } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite, checkScale } from './check.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [μ: number, σ: number];

/** exp of a Normal(μ, σ); with z = (log x − μ)/σ, F(x) = Φ(z), so g_μ = −x and g_σ = −z x. */
class LogNormalDist extends ScalarUnivariate<P> {
  readonly family = 'LogNormal';
  readonly discrete = false;

  constructor(
    private readonly μ: Real,
    private readonly σ: Real,
  ) {
    super([μ, σ], [checkFinite('LogNormal', 'μ', μ), checkScale('LogNormal', 'σ', σ)]);
  }

  protected lpdf(x: number, [m, s]: P): number {
    if (x <= 0) return -Infinity;
    const lx = Math.log(x);
    const z = (lx - m) / s;
    return -0.5 * z * z - LOG_SQRT_2PI - Math.log(s) - lx;
  }

  protected lpdfGrad(x: number, [m, s]: P): ArrayLike<number> {
    const z = (Math.log(x) - m) / s;
    return [-(1 + z / s) / x, z / s, (z * z - 1) / s];
  }

  protected lcdf(x: number, [m, s]: P): number {
    return x <= 0 ? -Infinity : normlogcdf((Math.log(x) - m) / s);
  }

  protected lccdf(x: number, [m, s]: P): number {
    return x <= 0 ? 0 : normlogccdf((Math.log(x) - m) / s);
  }

  protected cdfGrad(x: number, [m, s]: P): readonly number[] {
    return [-x, (-x * (Math.log(x) - m)) / s];
  }

  protected quantileOf(p: number): number {
    return Math.exp(this.θ[0] + this.θ[1] * norminvcdf(p));
  }

  protected override cquantileOf(q: number): number {
    return Math.exp(this.θ[0] - this.θ[1] * norminvcdf(q));
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  /** exp(μ + σ²/2) */
  mean(): Real {
    return ops.exp(ops.add(this.μ, ops.mul(ops.abs2(this.σ), 0.5)));
  }

  /** (exp(σ²) − 1) exp(2μ + σ²) */
  var(): Real {
    const s2 = ops.abs2(this.σ);
    return ops.mul(ops.expm1(s2), ops.exp(ops.add(ops.mul(2, this.μ), s2)));
  }

  /** exp(μ − σ²) */
  override mode(): Real {
    return ops.exp(ops.sub(this.μ, ops.abs2(this.σ)));
  }

  override entropy(): Real {
    return ops.add(ops.add(0.5 + LOG_SQRT_2PI, ops.log(this.σ)), this.μ);
  }

  /** (e + 2) √(e − 1), e = exp(σ²) */
  override skewness(): Real {
    const e = ops.exp(ops.abs2(this.σ));
    return ops.mul(ops.add(e, 2), ops.sqrt(ops.sub(e, 1)));
  }

  /** e⁴ + 2e³ + 3e² − 6 */
  override kurtosis(): Real {
    const e = ops.exp(ops.abs2(this.σ));
    return ops.sub(ops.add(ops.add(ops.pow(e, 4), ops.mul(2, ops.pow(e, 3))), ops.mul(3, ops.abs2(e))), 6);
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return Math.exp(this.θ[0] + this.θ[1] * rng.normal());
  }
}

export function LogNormal(μ: Real = 0, σ: Real = 1): UnivariateDistribution {
  return new LogNormalDist(μ, σ);
}
