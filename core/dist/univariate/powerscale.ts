import type { Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { checkPositive } from './check.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [α: number, θ: number];

/**
 * A family on x > 0, shape α and scale θ, whose cdf depends on x only through t = (x/θ)^(±α), a
 * standard exponential: Weibull (1 − F = e^(−t), t = (x/θ)^α) and Frechet (F = e^(−t), t = (x/θ)^(−α)).
 * Whatever the sign, the cdf partials are g_α = x log(x/θ)/α and g_θ = −x/θ (a scale), and x = θ t^(±1/α)
 * turns a t into a draw or a quantile.
 */
export abstract class PowerScaleUnivariate extends ScalarUnivariate<P> {
  readonly discrete = false;

  /** @param sign +1 where t grows with x (Weibull), −1 where it falls (Frechet) */
  constructor(
    family: string,
    protected readonly shapeα: Real,
    protected readonly scale: Real,
    private readonly sign: 1 | -1,
  ) {
    super([shapeα, scale], [checkPositive(family, 'α', shapeα, 'shape α'), checkPositive(family, 'θ', scale, 'scale θ')]);
  }

  protected cdfGrad(x: number, [a, s]: P): readonly number[] {
    return [(x * Math.log(x / s)) / a, -x / s];
  }

  /** Where the tail is e^(−t) (Weibull's upper, Frechet's lower), f over it is |dt/dx| = α t / x. */
  protected override logTailRatio(x: number, θ: P, upper: boolean, logTail: number): number {
    const [a, s] = θ;
    if (upper === (this.sign === 1)) return Math.log(a / x) + this.sign * a * Math.log(x / s);
    return super.logTailRatio(x, θ, upper, logTail);
  }

  /** The x at which (x/θ)^(±α) = t. */
  protected fromPower(t: number): number {
    return this.θ[1] * Math.pow(t, this.sign / this.θ[0]);
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return this.fromPower(rng.exponential());
  }
}
