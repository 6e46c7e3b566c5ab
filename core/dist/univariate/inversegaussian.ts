import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { LOG_SQRT_2PI, log1pexp, log1mexp, normlogccdf, normlogcdf } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkPositive } from './check.js';
import { invertCdf } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [μ: number, λ: number];

/**
 * The two normal arguments of the cdf, F(x) = Φ(a) + e^(2λ/μ) Φ(b) with a = √(λ/x)(x/μ − 1) and
 * b = −√(λ/x)(x/μ + 1), and log of its second term.
 */
function terms(x: number, m: number, l: number): { a: number; logSecond: number } {
  const u = Math.sqrt(l / x);
  const v = x / m;
  return { a: u * (v - 1), logSecond: (2 * l) / m + normlogcdf(-u * (v + 1)) };
}

/**
 * InverseGaussian(μ, λ): mean μ, shape λ. The cdf partials follow from φ(b) e^(2λ/μ) = φ(a) and
 * f(x) = φ(a) √λ x^(−3/2): ∂F/∂μ = −(2λ/μ²) e^(2λ/μ) Φ(b) and ∂F/∂λ = (2/μ) e^(2λ/μ) Φ(b) − f x/λ.
 */
class InverseGaussianDist extends ScalarUnivariate<P> {
  readonly family = 'InverseGaussian';
  readonly discrete = false;

  constructor(
    private readonly μ: Real,
    private readonly λ: Real,
  ) {
    super([μ, λ], [checkPositive('InverseGaussian', 'μ', μ, 'mean μ'), checkPositive('InverseGaussian', 'λ', λ, 'shape λ')]);
  }

  protected lpdf(x: number, [m, l]: P): number {
    if (!(x > 0) || x === Infinity) return -Infinity;
    const d = x - m;
    return 0.5 * Math.log(l) - LOG_SQRT_2PI - 1.5 * Math.log(x) - (l * d * d) / (2 * m * m * x);
  }

  protected lpdfGrad(x: number, [m, l]: P): ArrayLike<number> {
    const d = x - m;
    const m2 = m * m;
    return [-1.5 / x - (l * (x * x - m2)) / (2 * m2 * x * x), (l * d) / (m2 * m), 0.5 / l - (d * d) / (2 * m2 * x)];
  }

  /** As Distributions.jl: log Φ(a) + log(1 + e^(log second − log Φ(a))). */
  protected lcdf(x: number, [m, l]: P): number {
    if (x <= 0) return -Infinity;
    if (x === Infinity) return 0;
    const { a, logSecond } = terms(x, m, l);
    const first = normlogcdf(a);
    return first + log1pexp(logSecond - first);
  }

  protected lccdf(x: number, [m, l]: P): number {
    if (x <= 0) return 0;
    if (x === Infinity) return -Infinity;
    const { a, logSecond } = terms(x, m, l);
    const first = normlogccdf(a);
    return first + log1mexp(logSecond - first);
  }

  protected cdfGrad(x: number, [m, l]: P): readonly number[] {
    const { logSecond } = terms(x, m, l);
    const ratio = Math.exp(logSecond - this.lpdf(x, [m, l]));
    return [((-2 * l) / (m * m)) * ratio, (2 / m) * ratio - x / l];
  }

  /** No closed form (Distributions.jl takes Newton steps); bisection on the accurate tail. */
  protected quantileOf(p: number): number {
    return invertCdf((x) => Math.exp(this.lcdf(x, this.θ)), p, 0, Infinity, this.θ[0]);
  }

  protected override cquantileOf(q: number): number {
    return invertCdf((x) => -Math.exp(this.lccdf(x, this.θ)), -q, 0, Infinity, this.θ[0]);
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  mean(): Real {
    return this.μ;
  }

  /** μ³/λ */
  var(): Real {
    return ops.div(ops.mul(this.μ, ops.abs2(this.μ)), this.λ);
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  /**
   * Michael, Schucany and Haas (1976), as Distributions.jl draws it, with the smaller root
   * μ + μ/(2λ) (w − s), s = √(w(4λ + w)), written as 4μλw/(w + s)²: no difference of close numbers,
   * so it keeps its relative precision when it is close to 0.
   */
  rand(rng: Rng): number {
    const [m, l] = this.θ;
    const z = rng.normal();
    const w = m * z * z;
    const s = w + Math.sqrt(w * (4 * l + w));
    const x1 = w === 0 ? m : (4 * m * l * w) / (s * s);
    return rng.uniform() >= m / (m + x1) ? (m * m) / x1 : x1;
  }
}

export function InverseGaussian(μ: Real = 1, λ: Real = 1): UnivariateDistribution {
  return new InverseGaussianDist(μ, λ);
}
