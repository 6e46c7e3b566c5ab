import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { betaIInv, digamma, lbeta } from '../../math/index.js';
import { randBeta, type Rng } from '../../rng/index.js';
import { DistributionArgumentError } from '../types.js';
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

  /** (α − 1)/(α + β − 2), which Distributions.jl defines only for α > 1 and β > 1. */
  override mode(): Real {
    noteValueDependence(this.a, '`mode`');
    noteValueDependence(this.b, '`mode`');
    const [α, β] = this.θ;
    if (!(α > 1)) throw new DistributionArgumentError('Beta', 'α', `mode is defined only when α > 1, got ${α}`);
    if (!(β > 1)) throw new DistributionArgumentError('Beta', 'β', `mode is defined only when β > 1, got ${β}`);
    return ops.div(ops.sub(this.a, 1), ops.sub(ops.add(this.a, this.b), 2));
  }

  /** log B(α, β) − (α − 1) ψ(α) − (β − 1) ψ(β) + (α + β − 2) ψ(α + β) */
  override entropy(): Real {
    const { a, b } = this;
    const s = ops.add(a, b);
    const terms = [ops.lbetaOp(a, b), ops.neg(ops.mul(ops.sub(a, 1), ops.digammaOp(a))), ops.neg(ops.mul(ops.sub(b, 1), ops.digammaOp(b))), ops.mul(ops.sub(s, 2), ops.digammaOp(s))];
    return ops.sumOf(terms);
  }

  /** 2(β − α)√(s + 1) / ((s + 2)√(αβ)), s = α + β */
  override skewness(): Real {
    const { a, b } = this;
    const s = ops.add(a, b);
    return ops.div(ops.mul(ops.mul(2, ops.sub(b, a)), ops.sqrt(ops.add(s, 1))), ops.mul(ops.add(s, 2), ops.sqrt(ops.mul(a, b))));
  }

  /** 6((α − β)²(s + 1) − αβ(s + 2)) / (αβ(s + 2)(s + 3)) */
  override kurtosis(): Real {
    const { a, b } = this;
    const s = ops.add(a, b);
    const p = ops.mul(a, b);
    const top = ops.sub(ops.mul(ops.abs2(ops.sub(a, b)), ops.add(s, 1)), ops.mul(p, ops.add(s, 2)));
    return ops.div(ops.mul(6, top), ops.mul(ops.mul(p, ops.add(s, 2)), ops.add(s, 3)));
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
