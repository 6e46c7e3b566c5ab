import { noteValueDependence, ops, type Real } from '../../ad/index.js';
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

  override mode(): Real {
    return 0;
  }

  /** −(q log q + p log p)/p, 0 at p = 1. */
  override entropy(): Real {
    noteValueDependence(this.p, '`entropy`');
    if (this.θ[0] === 1) return 0;
    const q = ops.sub(1, this.p);
    return ops.neg(ops.div(ops.add(ops.mul(q, ops.log(q)), ops.mul(this.p, ops.log(this.p))), this.p));
  }

  /** (2 − p)/√(1 − p) */
  override skewness(): Real {
    return ops.div(ops.sub(2, this.p), ops.sqrt(ops.sub(1, this.p)));
  }

  /** 6 + p²/(1 − p) */
  override kurtosis(): Real {
    return ops.add(6, ops.div(ops.abs2(this.p), ops.sub(1, this.p)));
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
