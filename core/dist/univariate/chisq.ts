import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { gammaPInv } from '../../math/index.js';
import { randChisq, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkPositive } from './check.js';
import { gammaLogpdf, gammaLogpdfGrad } from './gamma.js';
import { logGammaP, logGammaQ } from './incomplete.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [ν: number];

/** χ²(ν) = Gamma(ν/2, 2). */
class ChisqDist extends ScalarUnivariate<P> {
  readonly family = 'Chisq';
  readonly discrete = false;

  constructor(private readonly dof: Real) {
    super([dof], [checkPositive('Chisq', 'ν', dof, 'degrees of freedom ν')]);
  }

  protected lpdf(x: number, [n]: P): number {
    return gammaLogpdf(n / 2, 2, x);
  }

  protected lpdfGrad(x: number, [n]: P): ArrayLike<number> {
    const [dx, dα] = gammaLogpdfGrad(n / 2, 2, x);
    return [dx, dα / 2];
  }

  protected lcdf(x: number, [n]: P): number {
    return logGammaP(n / 2, x / 2);
  }

  protected lccdf(x: number, [n]: P): number {
    return logGammaQ(n / 2, x / 2);
  }

  protected cdfGrad(): readonly null[] {
    return [null];
  }

  protected quantileOf(p: number): number {
    return 2 * gammaPInv(this.θ[0] / 2, p);
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  mean(): Real {
    return this.dof;
  }

  var(): Real {
    return ops.mul(2, this.dof);
  }

  /** ν − 2, or 0 for ν ≤ 2. */
  override mode(): Real {
    noteValueDependence(this.dof, '`mode`');
    return this.θ[0] > 2 ? ops.sub(this.dof, 2) : 0;
  }

  /** log 2 + h + log Γ(h) + (1 − h) ψ(h), h = ν/2 */
  override entropy(): Real {
    const h = ops.div(this.dof, 2);
    return ops.add(ops.add(ops.add(Math.LN2, h), ops.lgammaOp(h)), ops.mul(ops.sub(1, h), ops.digammaOp(h)));
  }

  override skewness(): Real {
    return ops.sqrt(ops.div(8, this.dof));
  }

  override kurtosis(): Real {
    return ops.div(12, this.dof);
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return randChisq(rng, this.θ[0]);
  }
}

export function Chisq(ν: Real): UnivariateDistribution {
  return new ChisqDist(ν);
}
