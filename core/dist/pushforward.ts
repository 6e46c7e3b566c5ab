import { ops, value, type Real } from '../ad/index.js';
import { bijectorFor, type Bijector, type Support } from '../bijectors/index.js';
import type { Rng } from '../rng/index.js';
import { DistributionArgumentError, type Distribution, type Multivariate, type Univariate } from './types.js';
import { UnivariateDistribution } from './univariate/base.js';

/**
 * Bijectors' `transformed(D, b)` where b maps D's support onto ℝ (its `bijector(D)`, which `transformed(D)` takes):
 * the distribution of y = b(x) for x ~ D. Its density is D's at x = b⁻¹(y) times the inverse map's Jacobian,
 * log p(y) = log p_D(b⁻¹(y)) + log|det J_{b⁻¹}(y)|, computed through the bijector's own inverse, so AD sees it.
 */
class UnivariatePushforward extends UnivariateDistribution {
  readonly family = 'transformed';
  readonly discrete = false;
  /** b⁻¹ increases (log, logit) or decreases (an upper bound's log(b − x)): which tail of D a tail of y is. */
  private readonly increasing: boolean;

  constructor(
    private readonly inner: Univariate,
    private readonly b: Bijector,
  ) {
    super();
    this.increasing = value(b.invlink([1]).x[0]!) > value(b.invlink([0]).x[0]!);
  }

  support(): Support {
    return { kind: 'real' };
  }

  private inverse(y: Real): { x: Real; logJac: Real } {
    const { x, logJac } = this.b.invlink([y]);
    return { x: x[0]!, logJac };
  }

  logpdf(y: Real): Real {
    const { x, logJac } = this.inverse(y);
    return ops.add(this.inner.logpdf(x), logJac);
  }

  logcdf(y: Real): Real {
    const { x } = this.inverse(y);
    return this.increasing ? this.inner.logcdf(x) : this.inner.logccdf(x);
  }

  logccdf(y: Real): Real {
    const { x } = this.inverse(y);
    return this.increasing ? this.inner.logccdf(x) : this.inner.logcdf(x);
  }

  /** Distributions.jl has no closed form for a transformed distribution's moments: NaN, as for LogitNormal's. */
  mean(): Real {
    return NaN;
  }

  var(): Real {
    return NaN;
  }

  minimum(): Real {
    return -Infinity;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return this.b.link([this.inner.rand(rng)])[0]!;
  }

  protected quantileOf(p: number): number {
    return this.b.link([this.inner.quantile(this.increasing ? p : 1 - p)])[0]!;
  }
}

/** The vector-variate case: D's flat value (a matrix's too, column-major) maps to b's unconstrained vector. */
class MultivariatePushforward implements Multivariate {
  readonly family = 'transformed';
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];

  constructor(
    private readonly inner: Multivariate,
    private readonly b: Bijector,
  ) {
    this.shape = [b.unconstrainedLength];
  }

  support(): Support {
    return { kind: 'real' };
  }

  logpdf(y: readonly Real[]): Real {
    if (y.length !== this.shape[0]) throw new DistributionArgumentError(this.family, 'x', `transformed: expected a vector of length ${this.shape[0]}, got ${y.length}`);
    const { x, logJac } = this.b.invlink(y);
    return ops.add(this.inner.logpdf(x), logJac);
  }

  rand(rng: Rng): Float64Array {
    return this.b.link(this.inner.rand(rng));
  }
}

/** The transform of D's own support onto ℝⁿ, as Bijectors' `bijector(D)`: what Turing samples D's variables through. */
export function supportBijector(d: Distribution): Bijector {
  return bijectorFor(d.support(), d.shape.reduce((a, n) => a * n, 1));
}

/** Bijectors' `transformed(D, b)`: the pushforward of D through b, a bijection from D's support onto ℝⁿ. */
export function pushforward(d: Distribution, b: Bijector): Distribution {
  if (d.discrete) throw new DistributionArgumentError('transformed', 'D', `Bijectors transforms continuous distributions only, got ${d.family}`);
  if (b.constrainedLength !== d.shape.reduce((a, n) => a * n, 1)) {
    throw new DistributionArgumentError('transformed', 'b', `the transform takes ${b.constrainedLength} values where ${d.family} draws ${d.shape.join('×') || 1}`);
  }
  return d.variate === 'univariate' ? new UnivariatePushforward(d as Univariate, b) : new MultivariatePushforward(d as Multivariate, b);
}
