import { nodeByRule, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import type { Univariate } from '../types.js';
import { invlogccdf, UnivariateDistribution } from './base.js';
import { checkFinite, checkPositive } from './check.js';

/** z = (x − μ)/σ as a replayable rule on [x, μ, σ]. */
function standardised(v: ArrayLike<number>, p: Float64Array): number {
  const s = v[2]!;
  const z = (v[0]! - v[1]!) / s;
  p[0] = 1 / s;
  p[1] = -1 / s;
  p[2] = -z / s;
  return z;
}

/**
 * LocationScale(μ, σ, ρ): X = μ + σY for Y ~ ρ, any univariate ρ (`μ + σ * TDist(ν)` in models).
 * The log density is ρ's at z = (x − μ)/σ less log σ (no Jacobian for a discrete ρ, as in
 * Distributions.jl). ρ's own partials are ρ's business, so this composes nodes instead of forming one:
 * z is one node, ρ's log density another, the − log σ a third.
 */
class LocationScaleDist extends UnivariateDistribution {
  readonly family = 'LocationScale';
  readonly discrete: boolean;
  private readonly m: number;
  private readonly s: number;

  constructor(
    private readonly μ: Real,
    private readonly σ: Real,
    private readonly ρ: Univariate,
  ) {
    super();
    this.m = checkFinite('LocationScale', 'μ', μ);
    this.s = checkPositive('LocationScale', 'σ', σ);
    this.discrete = ρ.discrete;
  }

  private standardise(x: Real): Real {
    return nodeByRule([x, this.μ, this.σ], standardised);
  }

  private affine(y: Real): Real {
    return ops.add(this.μ, ops.mul(this.σ, y));
  }

  logpdf(x: Real): Real {
    const lp = this.ρ.logpdf(this.standardise(x));
    return this.discrete ? lp : ops.sub(lp, ops.log(this.σ));
  }

  logcdf(x: Real): Real {
    return this.ρ.logcdf(this.standardise(x));
  }

  logccdf(x: Real): Real {
    return this.ρ.logccdf(this.standardise(x));
  }

  protected quantileOf(p: number): number {
    return this.m + this.s * this.ρ.quantile(p);
  }

  protected override cquantileOf(q: number): number {
    return this.m + this.s * invlogccdf(this.ρ, Math.log(q));
  }

  support(): Support {
    const inner = this.ρ.support();
    switch (inner.kind) {
      case 'lower':
        return { kind: 'lower', lower: this.affine(inner.lower) };
      case 'upper':
        return { kind: 'upper', upper: this.affine(inner.upper) };
      case 'interval':
        return { kind: 'interval', lower: this.affine(inner.lower), upper: this.affine(inner.upper) };
      default:
        return inner;
    }
  }

  mean(): Real {
    return this.affine(this.ρ.mean());
  }

  var(): Real {
    return ops.mul(ops.abs2(this.σ), this.ρ.var());
  }

  minimum(): Real {
    return this.affine(this.ρ.minimum());
  }

  maximum(): Real {
    return this.affine(this.ρ.maximum());
  }

  rand(rng: Rng): number {
    return this.m + this.s * this.ρ.rand(rng);
  }
}

export function LocationScale(μ: Real, σ: Real, ρ: Univariate): UnivariateDistribution {
  return new LocationScaleDist(μ, σ, ρ);
}
