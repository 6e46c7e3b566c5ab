import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { digamma, lbeta } from '../../math/index.js';
import { randNegativeBinomial, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkPositive, checkProbability } from './check.js';
import { logBetaI, logBetaIc } from './incomplete.js';
import { xlog1py } from './numeric.js';
import { isNaturalNumber } from './poisson.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [r: number, p: number];

/**
 * NegativeBinomial(r, p): the number of failures before the r-th success (real r > 0), mass
 * C(k + r − 1, k) p^r (1 − p)^k, as in Distributions.jl; F(k) = I_p(r, k + 1).
 */
class NegativeBinomialDist extends ScalarUnivariate<P> {
  readonly family = 'NegativeBinomial';
  readonly discrete = true;

  constructor(
    private readonly r: Real,
    private readonly p: Real,
  ) {
    super([r, p], [checkPositive('NegativeBinomial', 'r', r), checkProbability('NegativeBinomial', 'p', p, true)]);
  }

  /** StatsFuns' nbinomlogpdf: −log(k + r) − log B(r, k + 1) + r log p + k log(1 − p). */
  protected lpdf(k: number, [r, p]: P): number {
    return isNaturalNumber(k) ? -Math.log(k + r) - lbeta(r, k + 1) + r * Math.log(p) + xlog1py(k, -p) : -Infinity;
  }

  protected lpdfGrad(k: number, [r, p]: P): ArrayLike<number> {
    return [0, digamma(k + r) - digamma(r) + Math.log(p), r / p - k / (1 - p)];
  }

  protected lcdf(k: number, [r, p]: P): number {
    return k < 0 ? -Infinity : logBetaI(r, k + 1, p);
  }

  protected lccdf(k: number, [r, p]: P): number {
    return k < 0 ? 0 : logBetaIc(r, k + 1, p);
  }

  /** ∂I_p(r, k+1)/∂p = p^(r−1) (1−p)^k / B(r, k+1) = (k + r)/p times the mass; r numerically. */
  protected cdfGrad(k: number, [r, p]: P): readonly (number | null)[] {
    return [null, (k + r) / p];
  }

  protected quantileOf(q: number): number {
    const [r, p] = this.θ;
    const m = (r * (1 - p)) / p;
    return this.searchQuantile(q, 0, Infinity, m + Math.sqrt(m / p) * (q - 0.5) * 2.5);
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  /** r(1 − p)/p */
  mean(): Real {
    return ops.div(ops.mul(this.r, ops.sub(1, this.p)), this.p);
  }

  /** r(1 − p)/p² */
  var(): Real {
    return ops.div(ops.mul(this.r, ops.sub(1, this.p)), ops.abs2(this.p));
  }

  /** ⌊(1 − p)(r − 1)/p⌋, as Distributions.jl computes it. */
  override mode(): Real {
    noteValueDependence(this.r, '`mode`');
    noteValueDependence(this.p, '`mode`');
    const [r, p] = this.θ;
    return Math.floor(((1 - p) * (r - 1)) / p);
  }

  /** (2 − p)/√((1 − p)r) */
  override skewness(): Real {
    return ops.div(ops.sub(2, this.p), ops.sqrt(ops.mul(ops.sub(1, this.p), this.r)));
  }

  /** 6/r + p²/((1 − p)r) */
  override kurtosis(): Real {
    return ops.add(ops.div(6, this.r), ops.div(ops.abs2(this.p), ops.mul(ops.sub(1, this.p), this.r)));
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return randNegativeBinomial(rng, this.θ[0], this.θ[1]);
  }
}

export function NegativeBinomial(r: Real = 1, p: Real = 0.5): UnivariateDistribution {
  return new NegativeBinomialDist(r, p);
}
