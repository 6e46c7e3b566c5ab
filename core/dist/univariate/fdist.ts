import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { betaIInv, digamma, lbeta } from '../../math/index.js';
import { randChisq, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkPositive } from './check.js';
import { logBetaI } from './incomplete.js';
import { xlogy } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [ν1: number, ν2: number];

/**
 * FDist(ν1, ν2), the ratio (X₁/ν1)/(X₂/ν2) of χ² variables. Its cdf is I_w(ν1/2, ν2/2) at w = ν1x/(ν1x + ν2);
 * the upper tail is I_{1−w}(ν2/2, ν1/2), formed from ν2/(ν1x + ν2) so that it keeps its precision.
 */
class FDistDist extends ScalarUnivariate<P> {
  readonly family = 'FDist';
  readonly discrete = false;

  constructor(
    private readonly ν1: Real,
    private readonly ν2: Real,
  ) {
    super([ν1, ν2], [checkPositive('FDist', 'ν1', ν1, 'degrees of freedom ν1'), checkPositive('FDist', 'ν2', ν2, 'degrees of freedom ν2')]);
  }

  /** StatsFuns' fdistlogpdf: (ν1 log(ν1/ν2) + (ν1 − 2) log x − (ν1 + ν2) log(1 + ν1x/ν2))/2 − log B(ν1/2, ν2/2). */
  protected lpdf(x: number, [a, b]: P): number {
    if (x < 0) return -Infinity;
    const r = a / b;
    return (xlogy(a, r) + xlogy(a - 2, x) - xlogy(a + b, 1 + r * x)) / 2 - lbeta(a / 2, b / 2);
  }

  protected lpdfGrad(x: number, [a, b]: P): ArrayLike<number> {
    const u = b + a * x;
    const ψs = digamma((a + b) / 2);
    const dx = ((a - 2) / x - ((a + b) * a) / u) / 2;
    const da = (Math.log(a / b) + 1 + Math.log(x) - Math.log(u / b) - ((a + b) * x) / u - digamma(a / 2) + ψs) / 2;
    const db = (-a / b - Math.log(u / b) + ((a + b) * a * x) / (b * u) - digamma(b / 2) + ψs) / 2;
    return [dx, da, db];
  }

  protected lcdf(x: number, [a, b]: P): number {
    if (x <= 0) return -Infinity;
    return logBetaI(a / 2, b / 2, (a * x) / (a * x + b));
  }

  protected lccdf(x: number, [a, b]: P): number {
    if (x <= 0) return 0;
    return logBetaI(b / 2, a / 2, b / (a * x + b));
  }

  protected cdfGrad(): readonly null[] {
    return [null, null];
  }

  /** Through the inverse incomplete beta, then polished: the inverse loses relative precision deep in the tails. */
  protected quantileOf(p: number): number {
    const [a, b] = this.θ;
    const w = betaIInv(a / 2, b / 2, p);
    return this.polishQuantile((b * w) / (a * (1 - w)), p);
  }

  protected override cquantileOf(q: number): number {
    const [a, b] = this.θ;
    const v = betaIInv(b / 2, a / 2, q);
    return this.polishCquantile((b * (1 - v)) / (a * v), q);
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  /** ν2/(ν2 − 2) for ν2 > 2, NaN otherwise. */
  mean(): Real {
    noteValueDependence(this.ν2, '`mean`');
    return this.θ[1] > 2 ? ops.div(this.ν2, ops.sub(this.ν2, 2)) : NaN;
  }

  /** 2ν2²(ν1 + ν2 − 2)/(ν1(ν2 − 2)²(ν2 − 4)) for ν2 > 4, NaN otherwise. */
  var(): Real {
    noteValueDependence(this.ν2, '`var`');
    if (!(this.θ[1] > 4)) return NaN;
    const { ν1, ν2 } = this;
    const top = ops.mul(ops.mul(2, ops.abs2(ν2)), ops.sub(ops.add(ν1, ν2), 2));
    return ops.div(top, ops.mul(ops.mul(ν1, ops.abs2(ops.sub(ν2, 2))), ops.sub(ν2, 4)));
  }

  /** ((ν1 − 2)/ν1)(ν2/(ν2 + 2)) for ν1 > 2, else 0. */
  override mode(): Real {
    noteValueDependence(this.ν1, '`mode`');
    if (!(this.θ[0] > 2)) return 0;
    const { ν1, ν2 } = this;
    return ops.mul(ops.div(ops.sub(ν1, 2), ν1), ops.div(ν2, ops.add(ν2, 2)));
  }

  /** log(ν2/ν1) + log Γ(h1) + log Γ(h2) − log Γ(hs) + (1 − h1)ψ(h1) − (1 + h2)ψ(h2) + hs ψ(hs), h = ν/2 */
  override entropy(): Real {
    const h1 = ops.div(this.ν1, 2);
    const h2 = ops.div(this.ν2, 2);
    const hs = ops.add(h1, h2);
    return ops.sumOf([
      ops.log(ops.div(this.ν2, this.ν1)),
      ops.lgammaOp(h1),
      ops.lgammaOp(h2),
      ops.neg(ops.lgammaOp(hs)),
      ops.mul(ops.sub(1, h1), ops.digammaOp(h1)),
      ops.neg(ops.mul(ops.add(1, h2), ops.digammaOp(h2))),
      ops.mul(hs, ops.digammaOp(hs)),
    ]);
  }

  /** (2ν1 + ν2 − 2)√(8(ν2 − 4)) / ((ν2 − 6)√(ν1(ν1 + ν2 − 2))) for ν2 > 6, NaN otherwise. */
  override skewness(): Real {
    noteValueDependence(this.ν2, '`skewness`');
    if (!(this.θ[1] > 6)) return NaN;
    const { ν1, ν2 } = this;
    const top = ops.mul(ops.sub(ops.add(ops.mul(2, ν1), ν2), 2), ops.sqrt(ops.mul(8, ops.sub(ν2, 4))));
    return ops.div(top, ops.mul(ops.sub(ν2, 6), ops.sqrt(ops.mul(ν1, ops.sub(ops.add(ν1, ν2), 2)))));
  }

  /** 12a/b, a = ν1(5ν2 − 22)(ν1 + ν2 − 2) + (ν2 − 4)(ν2 − 2)², b = ν1(ν2 − 6)(ν2 − 8)(ν1 + ν2 − 2), for ν2 > 8. */
  override kurtosis(): Real {
    noteValueDependence(this.ν2, '`kurtosis`');
    if (!(this.θ[1] > 8)) return NaN;
    const { ν1, ν2 } = this;
    const s = ops.sub(ops.add(ν1, ν2), 2);
    const a = ops.add(ops.mul(ops.mul(ν1, ops.sub(ops.mul(5, ν2), 22)), s), ops.mul(ops.sub(ν2, 4), ops.abs2(ops.sub(ν2, 2))));
    const b = ops.mul(ops.mul(ops.mul(ν1, ops.sub(ν2, 6)), ops.sub(ν2, 8)), s);
    return ops.div(ops.mul(12, a), b);
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    const [a, b] = this.θ;
    return (b * randChisq(rng, a)) / (a * randChisq(rng, b));
  }
}

export function FDist(ν1: Real, ν2: Real): UnivariateDistribution {
  return new FDistDist(ν1, ν2);
}
