import { ops, type Real } from '../../ad/index.js';
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
