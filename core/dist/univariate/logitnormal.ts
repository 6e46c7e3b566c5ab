import type { Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { LOG_SQRT_2PI, logistic, logit, normlogccdf, normlogcdf, norminvcdf } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite, checkScale } from './check.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [μ: number, σ: number];

/**
 * logistic of a Normal(μ, σ) on (0, 1). With z = (logit x − μ)/σ, F(x) = Φ(z) and f(x) = φ(z)/(σ x(1 − x)),
 * so g_μ = −x(1 − x) and g_σ = −z x(1 − x).
 */
class LogitNormalDist extends ScalarUnivariate<P> {
  readonly family = 'LogitNormal';
  readonly discrete = false;

  constructor(μ: Real, σ: Real) {
    super([μ, σ], [checkFinite('LogitNormal', 'μ', μ), checkScale('LogitNormal', 'σ', σ)]);
  }

  protected lpdf(x: number, [m, s]: P): number {
    if (!(x > 0 && x < 1)) return -Infinity;
    const z = (logit(x) - m) / s;
    return -0.5 * z * z - LOG_SQRT_2PI - Math.log(s) - Math.log(x) - Math.log1p(-x);
  }

  protected lpdfGrad(x: number, [m, s]: P): ArrayLike<number> {
    const z = (logit(x) - m) / s;
    return [-z / (s * x * (1 - x)) - 1 / x + 1 / (1 - x), z / s, (z * z - 1) / s];
  }

  protected lcdf(x: number, [m, s]: P): number {
    return x <= 0 ? -Infinity : x >= 1 ? 0 : normlogcdf((logit(x) - m) / s);
  }

  protected lccdf(x: number, [m, s]: P): number {
    return x <= 0 ? 0 : x >= 1 ? -Infinity : normlogccdf((logit(x) - m) / s);
  }

  protected cdfGrad(x: number, [m, s]: P): readonly number[] {
    const w = x * (1 - x);
    return [-w, (-w * (logit(x) - m)) / s];
  }

  protected quantileOf(p: number): number {
    return logistic(this.θ[0] + this.θ[1] * norminvcdf(p));
  }

  protected override cquantileOf(q: number): number {
    return logistic(this.θ[0] - this.θ[1] * norminvcdf(q));
  }

  support(): Support {
    return { kind: 'interval', lower: 0, upper: 1 };
  }

  /** Distributions.jl has no mean or variance for LogitNormal (no closed form): NaN here, as for other such cases. */
  mean(): Real {
    return NaN;
  }

  var(): Real {
    return NaN;
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return 1;
  }

  rand(rng: Rng): number {
    return logistic(this.θ[0] + this.θ[1] * rng.normal());
  }
}

export function LogitNormal(μ: Real = 0, σ: Real = 1): UnivariateDistribution {
  return new LogitNormalDist(μ, σ);
}
