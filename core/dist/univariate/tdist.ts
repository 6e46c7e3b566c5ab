import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { betaI, betaIc, betaIInv, digamma, lbeta } from '../../math/index.js';
import { randTDist, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkScale } from './check.js';
import { standardNormal } from './normal.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [ν: number];

/**
 * P(T ≤ t) for t ≤ 0: ½ I_{ν/(ν+t²)}(ν/2, ½), or ½ (1 − I_{t²/(ν+t²)}(½, ν/2)) near 0, whichever
 * argument can be formed without cancellation.
 */
function lowerTail(n: number, t: number): number {
  const t2 = t * t;
  return t2 < n ? 0.5 * betaIc(0.5, n / 2, t2 / (n + t2)) : 0.5 * betaI(n / 2, 0.5, n / (n + t2));
}

/**
 * Student's t with ν degrees of freedom (scale it with LocationScale or `μ + σ * TDist(ν)`). ν = Inf is its limit,
 * the standard normal, as StatsFuns makes it (`isinf(ν)` takes the normal's functions), with no partial in ν there.
 */
class TDistDist extends ScalarUnivariate<P> {
  readonly family = 'TDist';
  readonly discrete = false;

  constructor(private readonly dof: Real) {
    // Distributions.jl checks ν > 0 only, as a scale: ν = Inf passes.
    super([dof], [checkScale('TDist', 'ν', dof, 'degrees of freedom ν')]);
  }

  protected lpdf(x: number, [n]: P): number {
    if (n === Infinity) return standardNormal.logpdf(x);
    // The normaliser as 1/(√ν B(ν/2, ½)): lΓ((ν+1)/2) − lΓ(ν/2) cancels to nothing for a large ν (ν = 1e20 gave
    // −23.7 at x = 0.5 for the normal's −1.04); the beta function's own expansion keeps the difference.
    return -lbeta(n / 2, 0.5) - 0.5 * Math.log(n) - ((n + 1) / 2) * Math.log1p((x * x) / n);
  }

  protected lpdfGrad(x: number, [n]: P): ArrayLike<number> {
    if (n === Infinity) return [standardNormal.dlogpdf(x), 0];
    const x2 = x * x;
    const dn = 0.5 * (digamma((n + 1) / 2) - digamma(n / 2) - 1 / n - Math.log1p(x2 / n) + ((n + 1) * x2) / (n * (n + x2)));
    return [(-(n + 1) * x) / (n + x2), dn];
  }

  protected lcdf(x: number, [n]: P): number {
    if (n === Infinity) return standardNormal.logcdf(x);
    return x <= 0 ? Math.log(lowerTail(n, x)) : Math.log1p(-lowerTail(n, -x));
  }

  protected lccdf(x: number, [n]: P): number {
    if (n === Infinity) return standardNormal.logccdf(x);
    return x >= 0 ? Math.log(lowerTail(n, -x)) : Math.log1p(-lowerTail(n, x));
  }

  protected cdfGrad(): readonly null[] {
    return [null];
  }

  /** Inverts whichever incomplete beta `lowerTail` uses, so both the tails and the centre keep precision. */
  protected quantileOf(p: number): number {
    const n = this.θ[0];
    if (n === Infinity) return standardNormal.quantile(p);
    const q = Math.min(p, 1 - p);
    let t2: number;
    if (q < 0.25) {
      const w = betaIInv(n / 2, 0.5, 2 * q);
      t2 = (n * (1 - w)) / w;
    } else {
      const y = betaIInv(0.5, n / 2, 1 - 2 * q);
      t2 = (n * y) / (1 - y);
    }
    const t = Math.sqrt(t2);
    return p < 0.5 ? -t : t;
  }

  protected override cquantileOf(q: number): number {
    return -this.quantileOf(q);
  }

  support(): Support {
    return { kind: 'real' };
  }

  /** 0 for ν > 1, undefined (NaN) otherwise, as Distributions.jl. */
  mean(): Real {
    return this.θ[0] > 1 ? 0 : NaN;
  }

  /** ν/(ν − 2) for ν > 2 (1 for ν = Inf), infinite for 1 < ν ≤ 2, NaN otherwise. */
  var(): Real {
    const n = this.θ[0];
    if (n === Infinity) return 1;
    if (n > 2) return ops.div(this.dof, ops.sub(this.dof, 2));
    return n > 1 ? Infinity : NaN;
  }

  override mode(): Real {
    return 0;
  }

  /** h₁(ψ(h₁) − ψ(h)) + log(ν)/2 + log B(h, ½), h = ν/2, h₁ = h + ½; the normal's for ν = Inf. */
  override entropy(): Real {
    if (this.θ[0] === Infinity) return standardNormal.entropy;
    const h = ops.div(this.dof, 2);
    const h1 = ops.add(h, 0.5);
    return ops.add(ops.add(ops.mul(h1, ops.sub(ops.digammaOp(h1), ops.digammaOp(h))), ops.div(ops.log(this.dof), 2)), ops.lbetaOp(h, 0.5));
  }

  /** 0 for ν > 3, else undefined (NaN). */
  override skewness(): Real {
    noteValueDependence(this.dof, '`skewness`');
    return this.θ[0] > 3 ? 0 : NaN;
  }

  /** 6/(ν − 4) for ν > 4, infinite for 2 < ν ≤ 4, NaN otherwise. */
  override kurtosis(): Real {
    noteValueDependence(this.dof, '`kurtosis`');
    const n = this.θ[0];
    return n > 4 ? ops.div(6, ops.sub(this.dof, 4)) : n > 2 ? Infinity : NaN;
  }

  minimum(): Real {
    return -Infinity;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return randTDist(rng, this.θ[0]);
  }
}

export function TDist(ν: Real): UnivariateDistribution {
  return new TDistDist(ν);
}
