import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { betaIInv, digamma, lbeta } from '../../math/index.js';
import { randGamma, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkPositive } from './check.js';
import { logBetaI } from './incomplete.js';
import { xlogy } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [α: number, β: number];

/**
 * X/(1 − X) for X ~ Beta(α, β), on x ≥ 0: F(x) = I_{x/(1+x)}(α, β). The upper tail is taken as
 * I_{1/(1+x)}(β, α), which keeps its precision where x/(1 + x) rounds to 1.
 */
class BetaPrimeDist extends ScalarUnivariate<P> {
  readonly family = 'BetaPrime';
  readonly discrete = false;

  constructor(
    private readonly a: Real,
    private readonly b: Real,
  ) {
    super([a, b], [checkPositive('BetaPrime', 'α', a, 'shape α'), checkPositive('BetaPrime', 'β', b, 'shape β')]);
  }

  protected lpdf(x: number, [a, b]: P): number {
    if (x < 0 || x === Infinity) return -Infinity;
    return xlogy(a - 1, x) - (a + b) * Math.log1p(x) - lbeta(a, b);
  }

  protected lpdfGrad(x: number, [a, b]: P): ArrayLike<number> {
    const dab = digamma(a + b);
    const l1x = Math.log1p(x);
    return [(a - 1) / x - (a + b) / (1 + x), Math.log(x) - l1x - digamma(a) + dab, -l1x - digamma(b) + dab];
  }

  protected lcdf(x: number, [a, b]: P): number {
    return x <= 0 ? -Infinity : logBetaI(a, b, x / (1 + x));
  }

  protected lccdf(x: number, [a, b]: P): number {
    return x <= 0 ? 0 : logBetaI(b, a, 1 / (1 + x));
  }

  protected cdfGrad(): readonly null[] {
    return [null, null];
  }

  protected quantileOf(p: number): number {
    const y = betaIInv(this.θ[0], this.θ[1], p);
    return y / (1 - y);
  }

  /** From the quantile 1/(1 + x) of Beta(β, α), where 1 − q would round away a small q. */
  protected override cquantileOf(q: number): number {
    const y = betaIInv(this.θ[1], this.θ[0], q);
    return (1 - y) / y;
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  /** α/(β − 1) for β > 1, NaN otherwise (Distributions.jl). */
  mean(): Real {
    return this.θ[1] > 1 ? ops.div(this.a, ops.sub(this.b, 1)) : NaN;
  }

  /** α(α + β − 1)/((β − 2)(β − 1)²) for β > 2, NaN otherwise. */
  var(): Real {
    if (!(this.θ[1] > 2)) return NaN;
    const num = ops.mul(this.a, ops.sub(ops.add(this.a, this.b), 1));
    return ops.div(num, ops.mul(ops.sub(this.b, 2), ops.abs2(ops.sub(this.b, 1))));
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return randGamma(rng, this.θ[0], 1) / randGamma(rng, this.θ[1], 1);
  }
}

/** BetaPrime(α) is BetaPrime(α, α), as in Distributions.jl. */
export function BetaPrime(α: Real = 1, β: Real = α): UnivariateDistribution {
  return new BetaPrimeDist(α, β);
}
