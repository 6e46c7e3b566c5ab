import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { log1mexp } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkProbability } from './check.js';
import { xlog1py } from './numeric.js';
import { isNaturalNumber } from './poisson.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [p: number];

/** Geometric(p): failures before the first success, mass p (1 − p)^k, 1 − F(k) = (1 − p)^(k+1). */
class GeometricDist extends ScalarUnivariate<P> {
  readonly family = 'Geometric';
  readonly discrete = true;

  constructor(private readonly p: Real) {
    super([p], [checkProbability('Geometric', 'p', p, true)]);
  }

  protected lpdf(k: number, [p]: P): number {
    return isNaturalNumber(k) ? Math.log(p) + xlog1py(k, -p) : -Infinity;
  }

  protected lpdfGrad(k: number, [p]: P): ArrayLike<number> {
    return [0, 1 / p - k / (1 - p)];
  }

  protected lcdf(k: number, [p]: P): number {
    return k < 0 ? -Infinity : log1mexp((k + 1) * Math.log1p(-p));
  }

  protected lccdf(k: number, [p]: P): number {
    return k < 0 ? 0 : (k + 1) * Math.log1p(-p);
  }

  /** ∂F/∂p = (k + 1)(1 − p)^k = (k + 1)/p times the mass. */
  protected cdfGrad(k: number, [p]: P): readonly number[] {
    return [(k + 1) / p];
  }

  protected quantileOf(q: number): number {
    return this.searchQuantile(q, 0, Infinity, Math.log1p(-q) / Math.log1p(-this.θ[0]) - 1);
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return ops.div(ops.sub(1, this.p), this.p);
  }

  var(): Real {
    return ops.div(ops.sub(1, this.p), ops.abs2(this.p));
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  /** ⌊E / −log(1 − p)⌋ for a standard exponential E is exactly geometric. */
  rand(rng: Rng): number {
    return Math.floor(rng.exponential() / -Math.log1p(-this.θ[0]));
  }
}

export function Geometric(p: Real = 0.5): UnivariateDistribution {
  return new GeometricDist(p);
}
