import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { logChoose } from '../../math/index.js';
import { randBinomial, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkInteger, checkProbability } from './check.js';
import { logBetaI, logBetaIc } from './incomplete.js';
import { xlog1py, xlogy } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [p: number];

/** log P(X ≤ k) for X ~ Binomial(n, p): F(k) = 1 − I_p(k + 1, n − k). */
export function binomialLogcdf(n: number, p: number, k: number): number {
  return k < 0 ? -Infinity : k >= n ? 0 : logBetaIc(k + 1, n - k, p);
}

export function binomialLogccdf(n: number, p: number, k: number): number {
  return k < 0 ? 0 : k >= n ? -Infinity : logBetaI(k + 1, n - k, p);
}

export function isCount(k: number, n: number): boolean {
  return Number.isInteger(k) && k >= 0 && k <= n;
}

class BinomialDist extends ScalarUnivariate<P> {
  readonly family = 'Binomial';
  readonly discrete = true;

  constructor(
    private readonly n: number,
    private readonly p: Real,
  ) {
    super([p], [checkProbability('Binomial', 'p', p)]);
  }

  protected lpdf(k: number, [p]: P): number {
    const n = this.n;
    return isCount(k, n) ? logChoose(n, k) + xlogy(k, p) + xlog1py(n - k, -p) : -Infinity;
  }

  protected lpdfGrad(k: number, [p]: P): ArrayLike<number> {
    return [0, k / p - (this.n - k) / (1 - p)];
  }

  protected lcdf(k: number, [p]: P): number {
    return binomialLogcdf(this.n, p, k);
  }

  protected lccdf(k: number, [p]: P): number {
    return binomialLogccdf(this.n, p, k);
  }

  /** ∂F/∂p = −n b(k; n − 1, p) = −(n − k)/(1 − p) times the mass at k. */
  protected cdfGrad(k: number, [p]: P): readonly number[] {
    return [-(this.n - k) / (1 - p)];
  }

  protected quantileOf(q: number): number {
    return this.searchQuantile(q, 0, this.n, this.n * this.θ[0]);
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return ops.mul(this.n, this.p);
  }

  var(): Real {
    return ops.mul(this.n, ops.mul(this.p, ops.sub(1, this.p)));
  }

  /** ⌊(n + 1)p⌋, as Distributions.jl computes it (0 for n = 0). */
  override mode(): Real {
    noteValueDependence(this.p, '`mode`');
    return this.n > 0 ? Math.floor((this.n + 1) * this.θ[0]) : 0;
  }

  /** (q − p)/√(npq) */
  override skewness(): Real {
    const q = ops.sub(1, this.p);
    return ops.div(ops.sub(q, this.p), ops.sqrt(ops.mul(this.n, ops.mul(this.p, q))));
  }

  /** (1 − 6pq)/(npq) */
  override kurtosis(): Real {
    const pq = ops.mul(this.p, ops.sub(1, this.p));
    return ops.div(ops.sub(1, ops.mul(6, pq)), ops.mul(this.n, pq));
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return this.n;
  }

  rand(rng: Rng): number {
    return randBinomial(rng, this.n, this.θ[0]);
  }
}

export function Binomial(n: Real = 1, p: Real = 0.5): UnivariateDistribution {
  return new BinomialDist(checkInteger('Binomial', 'n', n, 0), p);
}
