import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkProbability } from './check.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [p: number];

class BernoulliDist extends ScalarUnivariate<P> {
  readonly family = 'Bernoulli';
  readonly discrete = true;

  constructor(private readonly p: Real) {
    super([p], [checkProbability('Bernoulli', 'p', p)]);
  }

  protected lpdf(k: number, [p]: P): number {
    return k === 1 ? Math.log(p) : k === 0 ? Math.log1p(-p) : -Infinity;
  }

  protected lpdfGrad(k: number, [p]: P): ArrayLike<number> {
    return [0, k === 1 ? 1 / p : -1 / (1 - p)];
  }

  protected lcdf(k: number, [p]: P): number {
    return k < 0 ? -Infinity : k >= 1 ? 0 : Math.log1p(-p);
  }

  protected lccdf(k: number, [p]: P): number {
    return k < 0 ? 0 : k >= 1 ? -Infinity : Math.log(p);
  }

  /** Only k = 0 has F strictly between 0 and 1: ∂F/∂p = −1 over the mass 1 − p. */
  protected cdfGrad(_k: number, [p]: P): readonly number[] {
    return [-1 / (1 - p)];
  }

  protected quantileOf(q: number): number {
    return q <= 1 - this.θ[0] ? 0 : 1;
  }

  support(): Support {
    return { kind: 'discrete' };
  }

  mean(): Real {
    return this.p;
  }

  var(): Real {
    return ops.mul(this.p, ops.sub(1, this.p));
  }

  /** 1 where p > ½, else 0. */
  override mode(): Real {
    noteValueDependence(this.p, '`mode`');
    return this.θ[0] > 0.5 ? 1 : 0;
  }

  /** −(q log q + p log p), 0 at p = 0 or 1. */
  override entropy(): Real {
    noteValueDependence(this.p, '`entropy`');
    if (this.θ[0] === 0 || this.θ[0] === 1) return 0;
    const q = ops.sub(1, this.p);
    return ops.neg(ops.add(ops.mul(q, ops.log(q)), ops.mul(this.p, ops.log(this.p))));
  }

  /** (q − p)/√(pq) */
  override skewness(): Real {
    const q = ops.sub(1, this.p);
    return ops.div(ops.sub(q, this.p), ops.sqrt(ops.mul(this.p, q)));
  }

  /** 1/(pq) − 6 */
  override kurtosis(): Real {
    return ops.sub(ops.div(1, ops.mul(this.p, ops.sub(1, this.p))), 6);
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return 1;
  }

  rand(rng: Rng): number {
    return rng.uniform() < this.θ[0] ? 1 : 0;
  }
}

export function Bernoulli(p: Real = 0.5): UnivariateDistribution {
  return new BernoulliDist(p);
}
