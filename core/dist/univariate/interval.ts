import type { Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { checkFinite, checkJointly } from './check.js';
import { ScalarUnivariate } from './scalar.js';

/**
 * A continuous family on [a, b], its first two parameters (Uniform, Arcsine, LogUniform, TriangularDist):
 * the bounds are its support, minimum and maximum, and each has a closed-form quantile, so a draw
 * inverts one uniform.
 */
export abstract class IntervalUnivariate<P extends readonly number[]> extends ScalarUnivariate<P> {
  readonly discrete = false;
  protected readonly a: Real;
  protected readonly b: Real;

  constructor(params: readonly [a: Real, b: Real, ...rest: Real[]], θ: P) {
    super(params, θ);
    [this.a, this.b] = params;
  }

  support(): Support {
    return { kind: 'interval', lower: this.a, upper: this.b };
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

const ascending = (v: ArrayLike<number>): boolean => v[0]! < v[1]!;
const notAscending = (v: ArrayLike<number>): string => `a must be less than b, got a = ${v[0]}, b = ${v[1]}`;

/** The plain values of finite bounds a < b, or the argument error that names the family. */
export function checkInterval(family: string, a: Real, b: Real): [number, number] {
  const av = checkFinite(family, 'a', a);
  const bv = checkFinite(family, 'b', b);
  checkJointly(family, 'b', [a, b], ascending, notAscending);
  return [av, bv];
}

/**
 * The cdf partials g = (∂F/∂θ)/f of a fixed shape stretched over [a, b] (X = a + (b − a) Y, Y free of
 * the parameters): g_a = −(b − x)/(b − a) and g_b = −(x − a)/(b − a), whatever the shape.
 */
export function stretchedCdfGrad(x: number, a: number, b: number): readonly number[] {
  return [-(b - x) / (b - a), -(x - a) / (b - a)];
}
