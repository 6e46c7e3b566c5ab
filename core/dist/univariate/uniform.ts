import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { DistributionArgumentError } from '../types.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite } from './check.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [a: number, b: number];

class UniformDist extends ScalarUnivariate<P> {
  readonly family = 'Uniform';
  readonly discrete = false;

  constructor(
    private readonly a: Real,
    private readonly b: Real,
  ) {
    const av = checkFinite('Uniform', 'a', a);
    const bv = checkFinite('Uniform', 'b', b);
    if (!(av < bv)) throw new DistributionArgumentError('Uniform', 'b', `a must be less than b, got a = ${av}, b = ${bv}`);
    super([a, b], [av, bv]);
  }

  protected lpdf(x: number, [a, b]: P): number {
    return x >= a && x <= b ? -Math.log(b - a) : -Infinity;
  }

  protected lpdfGrad(_x: number, [a, b]: P): ArrayLike<number> {
    return [0, 1 / (b - a), -1 / (b - a)];
  }

  protected lcdf(x: number, [a, b]: P): number {
    if (x <= a) return -Infinity;
    return x >= b ? 0 : Math.log((x - a) / (b - a));
  }

  protected lccdf(x: number, [a, b]: P): number {
    if (x >= b) return -Infinity;
    return x <= a ? 0 : Math.log((b - x) / (b - a));
  }

  protected cdfGrad(x: number, [a, b]: P): readonly number[] {
    return [-(b - x) / (b - a), -(x - a) / (b - a)];
  }

  protected quantileOf(p: number): number {
    const [a, b] = this.θ;
    return a + p * (b - a);
  }

  protected override cquantileOf(q: number): number {
    const [a, b] = this.θ;
    return b - q * (b - a);
  }

  support(): Support {
    return { kind: 'interval', lower: this.a, upper: this.b };
  }

  mean(): Real {
    return ops.mul(ops.add(this.a, this.b), 0.5);
  }

  var(): Real {
    return ops.div(ops.abs2(ops.sub(this.b, this.a)), 12);
  }

  minimum(): Real {
    return this.a;
  }

  maximum(): Real {
    return this.b;
  }

  rand(rng: Rng): number {
    return this.quantileOf(rng.uniform());
  }
}

export function Uniform(a: Real = 0, b: Real = 1): UnivariateDistribution {
  return new UniformDist(a, b);
}
