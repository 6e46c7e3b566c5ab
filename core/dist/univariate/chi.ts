import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { digamma, gammaPInv, lgamma } from '../../math/index.js';
import { randChisq, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkPositive } from './check.js';
import { logGammaP, logGammaQ } from './incomplete.js';
import { xlogy } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [ν: number];

/** χ(ν): the square root of a χ²(ν) variable, so F(x) = P(ν/2, x²/2). */
class ChiDist extends ScalarUnivariate<P> {
  readonly family = 'Chi';
  readonly discrete = false;

  constructor(private readonly dof: Real) {
    super([dof], [checkPositive('Chi', 'ν', dof, 'degrees of freedom ν')]);
  }

  /** Distributions.jl's form, (xlogy(ν − 1, x²/2) − x² + log 2)/2 − log Γ(ν/2), finite at 0 for ν = 1. */
  protected lpdf(x: number, [n]: P): number {
    if (x < 0) return -Infinity;
    const x2 = x * x;
    return (xlogy(n - 1, x2 / 2) - x2 + Math.LN2) / 2 - lgamma(n / 2);
  }

  protected lpdfGrad(x: number, [n]: P): ArrayLike<number> {
    return [(n - 1) / x - x, (Math.log((x * x) / 2) - digamma(n / 2)) / 2];
  }

  protected lcdf(x: number, [n]: P): number {
    return x <= 0 ? -Infinity : logGammaP(n / 2, (x * x) / 2);
  }

  protected lccdf(x: number, [n]: P): number {
    return x <= 0 ? 0 : logGammaQ(n / 2, (x * x) / 2);
  }

  protected cdfGrad(): readonly null[] {
    return [null];
  }

  protected quantileOf(p: number): number {
    return Math.sqrt(2 * gammaPInv(this.θ[0] / 2, p));
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  /** √2 Γ((ν+1)/2) / Γ(ν/2) */
  mean(): Real {
    const half = ops.mul(this.dof, 0.5);
    return ops.mul(Math.SQRT2, ops.exp(ops.sub(ops.lgammaOp(ops.add(half, 0.5)), ops.lgammaOp(half))));
  }

  var(): Real {
    return ops.sub(this.dof, ops.abs2(this.mean()));
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return Math.sqrt(randChisq(rng, this.θ[0]));
  }
}

export function Chi(ν: Real): UnivariateDistribution {
  return new ChiDist(ν);
}
