import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { LOG_SQRT_2PI, normccdf, normcdf, normlogcdf } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite, checkScale } from './check.js';
import { invertCdf, logProb } from './numeric.js';
import { owensT } from './owenst.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [ξ: number, ω: number, α: number];

/** φ(t)/Φ(t), formed in logs so it stays finite far into the lower tail. */
function millsInverse(t: number): number {
  return Math.exp(-0.5 * t * t - LOG_SQRT_2PI - normlogcdf(t));
}

/**
 * SkewNormal(ξ, ω, α): density (2/ω) φ(z) Φ(αz), z = (x − ξ)/ω. Distributions.jl has no cdf for it;
 * here F(z) = Φ(z) − 2T(z, α) with Owen's T, exact to ~10⁻¹⁶ absolute (its short tail, where F is far
 * below Φ(z), is not resolved relatively). ∂F/∂α = −2φ(z)φ(αz)/(1 + α²) is closed-form.
 */
class SkewNormalDist extends ScalarUnivariate<P> {
  readonly family = 'SkewNormal';
  readonly discrete = false;

  constructor(
    private readonly ξ: Real,
    private readonly ω: Real,
    private readonly α: Real,
  ) {
    super([ξ, ω, α], [checkFinite('SkewNormal', 'ξ', ξ), checkScale('SkewNormal', 'ω', ω, 'scale ω'), checkFinite('SkewNormal', 'α', α, 'shape α')]);
  }

  protected lpdf(x: number, [m, s, a]: P): number {
    const z = (x - m) / s;
    return Math.LN2 - Math.log(s) - 0.5 * z * z - LOG_SQRT_2PI + normlogcdf(a * z);
  }

  protected lpdfGrad(x: number, [m, s, a]: P): ArrayLike<number> {
    const z = (x - m) / s;
    const r = millsInverse(a * z);
    const dz = -z + a * r;
    return [dz / s, -dz / s, -(1 + z * dz) / s, z * r];
  }

  protected lcdf(x: number, [m, s, a]: P): number {
    const z = (x - m) / s;
    if (z === -Infinity) return -Infinity;
    const t = owensT(z, a);
    return logProb(normcdf(z) - 2 * t, normccdf(z) + 2 * t);
  }

  protected lccdf(x: number, [m, s, a]: P): number {
    const z = (x - m) / s;
    if (z === Infinity) return -Infinity;
    const t = owensT(z, a);
    return logProb(normccdf(z) + 2 * t, normcdf(z) - 2 * t);
  }

  protected cdfGrad(x: number, [m, s, a]: P): readonly number[] {
    const z = (x - m) / s;
    return [-1, -z, (-s * millsInverse(a * z)) / (1 + a * a)];
  }

  protected quantileOf(p: number): number {
    const [m, s, a] = this.θ;
    return invertCdf((x) => normcdf((x - m) / s) - 2 * owensT((x - m) / s, a), p, -Infinity, Infinity, m);
  }

  support(): Support {
    return { kind: 'real' };
  }

  /** δ = α/√(1 + α²) */
  private delta(): Real {
    return ops.div(this.α, ops.sqrt(ops.add(1, ops.abs2(this.α))));
  }

  /** ξ + ω δ √(2/π) */
  mean(): Real {
    return ops.add(this.ξ, ops.mul(ops.mul(this.ω, this.delta()), Math.sqrt(2 / Math.PI)));
  }

  /** ω² (1 − 2δ²/π) */
  var(): Real {
    return ops.mul(ops.abs2(this.ω), ops.sub(1, ops.mul(ops.abs2(this.delta()), 2 / Math.PI)));
  }

  minimum(): Real {
    return -Infinity;
  }

  maximum(): Real {
    return Infinity;
  }

  /** Distributions.jl's: ξ + ω sign(u₀)(δ u₀ + √(1 − δ²) v) for independent standard normals u₀, v. */
  rand(rng: Rng): number {
    const [m, s, a] = this.θ;
    const d = a / Math.sqrt(1 + a * a);
    const u0 = rng.normal();
    const u1 = d * u0 + Math.sqrt(1 - d * d) * rng.normal();
    return m + s * Math.sign(u0) * u1;
  }
}

export function SkewNormal(ξ: Real = 0, ω: Real = 1, α: Real = 0): UnivariateDistribution {
  return new SkewNormalDist(ξ, ω, α);
}
