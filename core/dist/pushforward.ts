import { ops, value, type Real } from '../ad/index.js';
import { bijectorFor, type Bijector, type Support } from '../bijectors/index.js';
import type { Rng } from '../rng/index.js';
import { DistributionArgumentError, type Distribution, type Multivariate, type Univariate } from './types.js';
import { UnivariateDistribution } from './univariate/base.js';

/**
 * The map y = f(x) a pushforward applies, one direction of a bijector: `to` on D's draws, `from` back from y on AD
 * numbers with log|det J| of that inverse map, and the support y lands on.
 */
interface Change {
  readonly support: Support;
  readonly length: number;
  to(x: ArrayLike<number>): number[];
  from(y: readonly Real[]): { x: Real[]; logJac: Real };
}

/** b itself, D's support onto ℝⁿ: back through b's inverse, which is what Turing samples through. */
function toReal(b: Bijector): Change {
  return { support: { kind: 'real' }, length: b.unconstrainedLength, to: (x) => Array.from(b.link(x)), from: (y) => b.invlink(y) };
}

/** b⁻¹, ℝⁿ into b's support: back through b on AD numbers, log|J_b(y)| = −log|J_{b⁻¹}(b(y))|. */
function fromReal(b: Bijector, support: Support): Change {
  const linkReal = b.linkReal;
  if (linkReal === undefined) throw new DistributionArgumentError('transformed', 'b', 'Tilde cannot push a distribution into correlation or positive definite matrices: draw them from LKJ, LKJCholesky, Wishart or InverseWishart');
  return {
    support,
    length: b.constrainedLength,
    to: (y) => b.invlink(Array.from(y)).x.map((xi) => value(xi)),
    from: (x) => {
      const y = linkReal(x);
      return { x: y, logJac: ops.neg(b.invlink(y).logJac) };
    },
  };
}

/**
 * Bijectors' `transformed(D, f)`: the distribution of y = f(x) for x ~ D. Its density is D's at x = f⁻¹(y) times the
 * inverse map's Jacobian, log p(y) = log p_D(f⁻¹(y)) + log|det J_{f⁻¹}(y)|, computed on AD numbers, so AD sees it.
 */
class UnivariatePushforward extends UnivariateDistribution {
  readonly family = 'transformed';
  readonly discrete = false;
  /** f increases (log, logit, exp) or decreases (an upper bound's log(b − x)): which tail of D a tail of y is. */
  private readonly increasing: boolean;

  constructor(
    private readonly inner: Univariate,
    private readonly change: Change,
    b: Bijector,
  ) {
    super();
    this.increasing = value(b.invlink([1]).x[0]!) > value(b.invlink([0]).x[0]!);
  }

  support(): Support {
    return this.change.support;
  }

  private back(y: Real): { x: Real; logJac: Real } {
    const { x, logJac } = this.change.from([y]);
    return { x: x[0]!, logJac };
  }

  private to(x: number): number {
    return this.change.to([x])[0]!;
  }

  logpdf(y: Real): Real {
    const { x, logJac } = this.back(y);
    return ops.add(this.inner.logpdf(x), logJac);
  }

  logcdf(y: Real): Real {
    const { x } = this.back(y);
    return this.increasing ? this.inner.logcdf(x) : this.inner.logccdf(x);
  }

  logccdf(y: Real): Real {
    const { x } = this.back(y);
    return this.increasing ? this.inner.logccdf(x) : this.inner.logcdf(x);
  }

  /** Distributions.jl has no closed form for a transformed distribution's moments: NaN, as for LogitNormal's. */
  mean(): Real {
    return NaN;
  }

  var(): Real {
    return NaN;
  }

  /** The ends of D's support carried over (an end of D's support maps to an end of f's). */
  minimum(): Real {
    return Math.min(this.to(value(this.inner.minimum())), this.to(value(this.inner.maximum())));
  }

  maximum(): Real {
    return Math.max(this.to(value(this.inner.minimum())), this.to(value(this.inner.maximum())));
  }

  rand(rng: Rng): number {
    return this.to(this.inner.rand(rng));
  }

  protected quantileOf(p: number): number {
    return this.to(this.inner.quantile(this.increasing ? p : 1 - p));
  }
}

/** The vector-variate case: D's flat value (a matrix's too, column-major) maps to a vector. */
class MultivariatePushforward implements Multivariate {
  readonly family = 'transformed';
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];

  constructor(
    private readonly inner: Multivariate,
    private readonly change: Change,
  ) {
    this.shape = [change.length];
  }

  support(): Support {
    return this.change.support;
  }

  logpdf(y: readonly Real[]): Real {
    if (y.length !== this.shape[0]) throw new DistributionArgumentError(this.family, 'x', `transformed: expected a vector of length ${this.shape[0]}, got ${y.length}`);
    const { x, logJac } = this.change.from(y);
    return ops.add(this.inner.logpdf(x), logJac);
  }

  rand(rng: Rng): Float64Array {
    return Float64Array.from(this.change.to(this.inner.rand(rng)));
  }
}

/** The transform of D's own support onto ℝⁿ, as Bijectors' `bijector(D)`: what Turing samples D's variables through. */
export function supportBijector(d: Distribution): Bijector {
  return bijectorFor(d.support(), d.shape.reduce((a, n) => a * n, 1));
}

/**
 * Bijectors' `transformed(D, b)`: the pushforward of D through b, a bijection from D's support onto ℝⁿ; with `into`,
 * through b's inverse instead, from ℝⁿ into that support (`transformed(D, inverse(bijector(E)))`, `elementwise(exp)`).
 */
export function pushforward(d: Distribution, b: Bijector, into?: Support): Distribution {
  if (d.discrete) throw new DistributionArgumentError('transformed', 'D', `Bijectors transforms continuous distributions only, got ${d.family}`);
  const n = d.shape.reduce((a, k) => a * k, 1);
  const takes = into === undefined ? b.constrainedLength : b.unconstrainedLength;
  if (takes !== n) throw new DistributionArgumentError('transformed', 'b', `the transform takes ${takes} values where ${d.family} draws ${d.shape.join('×') || 1}`);
  const change = into === undefined ? toReal(b) : fromReal(b, into);
  if (d.variate !== 'univariate') return new MultivariatePushforward(d as Multivariate, change);
  if (change.length !== 1) throw new DistributionArgumentError('transformed', 'b', `the transform makes ${change.length} values of the one ${d.family} draws: give D as a vector of one, \`filldist(D, 1)\``);
  return new UnivariatePushforward(d as Univariate, change, b);
}
