import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { digamma, lbeta, logChoose } from '../../math/index.js';
import { randBeta, randBinomial, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { isCount } from './binomial.js';
import { checkInteger, checkPositive } from './check.js';
import { discreteCdfGrad, discreteTails } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [α: number, β: number];

/**
 * BetaBinomial(n, α, β): Binomial(n, p) with p ~ Beta(α, β); P(X = k) = C(n, k) B(k + α, n − k + β)/B(α, β)
 * on 0..n. The cdf is the sum of the masses, as in Distributions.jl, taken over the side of smaller mass; its
 * partials are the same sums weighted by ∂ log P(X = j)/∂θ, so they are exact too.
 */
class BetaBinomialDist extends ScalarUnivariate<P> {
  readonly family = 'BetaBinomial';
  readonly discrete = true;

  constructor(
    private readonly n: number,
    private readonly a: Real,
    private readonly b: Real,
  ) {
    super([a, b], [checkPositive('BetaBinomial', 'α', a, 'shape α'), checkPositive('BetaBinomial', 'β', b, 'shape β')]);
  }

  protected lpdf(k: number, [a, b]: P): number {
    const n = this.n;
    return isCount(k, n) ? logChoose(n, k) + lbeta(k + a, n - k + b) - lbeta(a, b) : -Infinity;
  }

  protected lpdfGrad(k: number, [a, b]: P): ArrayLike<number> {
    const n = this.n;
    const common = digamma(a + b) - digamma(n + a + b);
    return [0, digamma(k + a) - digamma(a) + common, digamma(n - k + b) - digamma(b) + common];
  }

  /** log P(X = j) for j = 0..n. */
  private logMasses(θ: P): Float64Array {
    const out = new Float64Array(this.n + 1);
    for (let j = 0; j <= this.n; j++) out[j] = this.lpdf(j, θ);
    return out;
  }

  protected lcdf(k: number, θ: P): number {
    if (k < 0) return -Infinity;
    return k >= this.n ? 0 : discreteTails(this.logMasses(θ), 0, k).lower;
  }

  protected lccdf(k: number, θ: P): number {
    if (k < 0) return 0;
    return k >= this.n ? -Infinity : discreteTails(this.logMasses(θ), 0, k).upper;
  }

  protected cdfGrad(k: number, θ: P): readonly number[] {
    const masses = this.logMasses(θ);
    return discreteCdfGrad(masses, 0, k, discreteTails(masses, 0, k).lowerSummed, (j) => this.lpdfGrad(j, θ), 2);
  }

  protected quantileOf(q: number): number {
    return this.searchQuantile(q, 0, this.n, (this.n * this.θ[0]) / (this.θ[0] + this.θ[1]));
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  /** nα/(α + β) */
  mean(): Real {
    return ops.div(ops.mul(this.n, this.a), ops.add(this.a, this.b));
  }

  /** nαβ(α + β + n)/((α + β)²(α + β + 1)) */
  var(): Real {
    const s = ops.add(this.a, this.b);
    const num = ops.mul(ops.mul(this.n, ops.mul(this.a, this.b)), ops.add(s, this.n));
    return ops.div(num, ops.mul(ops.abs2(s), ops.add(s, 1)));
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return this.n;
  }

  rand(rng: Rng): number {
    return randBinomial(rng, this.n, randBeta(rng, this.θ[0], this.θ[1]));
  }
}

export function BetaBinomial(n: Real, α: Real, β: Real): UnivariateDistribution {
  return new BetaBinomialDist(checkInteger('BetaBinomial', 'n', n, 0), α, β);
}
