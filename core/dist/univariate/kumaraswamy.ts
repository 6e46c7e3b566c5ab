import { ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { log1mexp } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkPositive } from './check.js';
import { xlog1py, xlogy } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [a: number, b: number];

/** b B(1 + n/a, b), the n-th raw moment. */
function moment(a: Real, b: Real, n: number): Real {
  const shifted = ops.add(1, ops.div(n, a));
  return ops.mul(b, ops.exp(ops.lbetaOp(shifted, b)));
}

/**
 * Kumaraswamy(a, b) on [0, 1]: 1 − F(x) = (1 − xᵃ)ᵇ. With f = a b x^(a−1) (1 − xᵃ)^(b−1), the cdf
 * partials are g_a = x log(x)/a and g_b = −(1 − xᵃ) log(1 − xᵃ)/(a b x^(a−1)).
 */
class KumaraswamyDist extends ScalarUnivariate<P> {
  readonly family = 'Kumaraswamy';
  readonly discrete = false;

  constructor(
    private readonly a: Real,
    private readonly b: Real,
  ) {
    super([a, b], [checkPositive('Kumaraswamy', 'a', a), checkPositive('Kumaraswamy', 'b', b)]);
  }

  /** As Distributions.jl: 0·log 0 = 0, so the endpoints are finite when a shape is exactly 1. */
  protected lpdf(x: number, [a, b]: P): number {
    if (x < 0 || x > 1) return -Infinity;
    return Math.log(a) + Math.log(b) + xlogy(a - 1, x) + xlog1py(b - 1, -Math.pow(x, a));
  }

  protected lpdfGrad(x: number, [a, b]: P): ArrayLike<number> {
    const xa = Math.pow(x, a);
    const lx = Math.log(x);
    const r = xa / (1 - xa);
    return [(a - 1) / x - ((b - 1) * a * r) / x, 1 / a + lx - (b - 1) * r * lx, 1 / b + Math.log1p(-xa)];
  }

  protected lcdf(x: number, θ: P): number {
    return log1mexp(this.lccdf(x, θ));
  }

  protected lccdf(x: number, [a, b]: P): number {
    if (x <= 0) return 0;
    if (x >= 1) return -Infinity;
    return b * Math.log1p(-Math.pow(x, a));
  }

  protected cdfGrad(x: number, [a, b]: P): readonly number[] {
    const xa = Math.pow(x, a);
    const lx = Math.log(x);
    return [(x * lx) / a, (-(1 - xa) * Math.log1p(-xa) * x) / (a * b * xa)];
  }

  protected quantileOf(p: number): number {
    const [a, b] = this.θ;
    return Math.pow(-Math.expm1(Math.log1p(-p) / b), 1 / a);
  }

  protected override cquantileOf(q: number): number {
    const [a, b] = this.θ;
    return Math.pow(-Math.expm1(Math.log(q) / b), 1 / a);
  }

  support(): Support {
    return { kind: 'interval', lower: 0, upper: 1 };
  }

  mean(): Real {
    return moment(this.a, this.b, 1);
  }

  var(): Real {
    return ops.sub(moment(this.a, this.b, 2), ops.abs2(moment(this.a, this.b, 1)));
  }

  minimum(): Real {
    return 0;
  }

  maximum(): Real {
    return 1;
  }

  rand(rng: Rng): number {
    return this.quantileOf(rng.uniform());
  }
}

export function Kumaraswamy(a: Real = 1, b: Real = 1): UnivariateDistribution {
  return new KumaraswamyDist(a, b);
}
