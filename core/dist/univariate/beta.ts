import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { betaIInv, digamma, lbeta } from '../../math/index.js';
import { randBeta, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkPositive } from './check.js';
import { logBetaI, logBetaIc } from './incomplete.js';
import { xlog1py, xlogy } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [α: number, β: number];

class BetaDist extends ScalarUnivariate<P> {
  readonly family = 'Beta';
  readonly discrete = false;

  constructor(
    private readonly a: Real,
    private readonly b: Real,
  ) {
    super([a, b], [checkPositive('Beta', 'α', a, 'shape α'), checkPositive('Beta', 'β', b, 'shape β')]);
  }

  /** StatsFuns' betalogpdf: 0·log 0 = 0, so the endpoints are finite when a shape is exactly 1. */
  protected lpdf(x: number, [a, b]: P): number {
    if (x < 0 || x > 1) return -Infinity;
    return xlogy(a - 1, x) + xlog1py(b - 1, -x) - lbeta(a, b);
  }

  protected lpdfGrad(x: number, [a, b]: P): ArrayLike<number> {
    const dab = digamma(a + b);
    return [(a - 1) / x - (b - 1) / (1 - x), Math.log(x) - digamma(a) + dab, Math.log1p(-x) - digamma(b) + dab];
  }

  protected lcdf(x: number, [a, b]: P): number {
    return logBetaI(a, b, x);
  }

  protected lccdf(x: number, [a, b]: P): number {
    return logBetaIc(a, b, x);
  }

  protected cdfGrad(): readonly null[] {
    return [null, null];
  }

  protected quantileOf(p: number): number {
    return betaIInv(this.θ[0], this.θ[1], p);
  }

  support(): Support {
    return { kind: 'interval', lower: 0, upper: 1 };
  }

  mean(): Real {
    return ops.div(this.a, ops.add(this.a, this.b));
  }

  var(): Real {
    const s = ops.add(this.a, this.b);
    return ops.div(ops.mul(this.a, this.b), ops.mul(ops.abs2(s), ops.add(s, 1)));
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return 1;
  }

  rand(rng: Rng): number {
    return randBeta(rng, this.θ[0], this.θ[1]);
  }
}

export function Beta(α: Real = 1, β: Real = 1): UnivariateDistribution {
  return new BetaDist(α, β);
}
