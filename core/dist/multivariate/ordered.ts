import { node, ops, value, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Distribution, type Multivariate } from '../types.js';
import { guardSupport } from '../support-guard.js';
import { checkLength } from './values.js';

/** The first n values strictly increase. */
function increasing(v: ArrayLike<number>, n: number): boolean {
  for (let i = 1; i < n; i++) if (!(v[i]! > v[i - 1]!)) return false;
  return true;
}

/** What both orderings of a vector-variate D share: D's shape, on strictly increasing vectors. */
abstract class OnIncreasingVectors implements Multivariate {
  abstract readonly family: string;
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];

  constructor(protected readonly inner: Multivariate) {
    this.shape = inner.shape;
  }

  support(): Support {
    return { kind: 'ordered', dim: this.shape[0]! };
  }

  abstract logpdf(x: readonly Real[]): Real;
  abstract rand(rng: Rng): Float64Array;
}

/** Bijectors draws by rejection and would loop for ever; past this many draws of D, say so instead. */
const MAX_REJECTIONS = 1_000_000;

/**
 * Bijectors' `ordered(D)` (its OrderedDistribution): D's density at x on increasing x, −∞ elsewhere, not
 * renormalised (for n iid components the missing factor is the constant n!). HMC works in the ordered
 * bijector's unconstrained space, x = (y₁, y₁ + e^{y₂}, …), with the log-Jacobian Σ_{i≥2} yᵢ added.
 */
class OrderedDist extends OnIncreasingVectors {
  readonly family = 'ordered';

  logpdf(x: readonly Real[]): Real {
    const n = this.shape[0]!;
    checkLength(this.family, x, n);
    return guardSupport(x, (v) => (increasing(v, n) ? undefined : -Infinity), () => this.inner.logpdf(x), 'the support check of `ordered` (x increasing)');
  }

  /** As Bijectors: draws of D until one is increasing. */
  rand(rng: Rng): Float64Array {
    for (let tries = 0; tries < MAX_REJECTIONS; tries++) {
      const x = this.inner.rand(rng);
      if (increasing(x, x.length)) return x;
    }
    throw new DistributionArgumentError('ordered', 'D', `no increasing draw of D in ${MAX_REJECTIONS} tries: ordered(D) draws by rejection, as Bijectors does; give initial values instead of drawing them`);
  }
}

/** log(xᵢ − xᵢ₋₁) on the inputs [xᵢ, xᵢ₋₁]. */
const logGap: Recompute = (v, p) => {
  const gap = v[0]! - v[1]!;
  p[0] = 1 / gap;
  p[1] = -1 / gap;
  return Math.log(gap);
};

/**
 * Bijectors' `transformed(D, OrderedBijector())`: the distribution of x = (y₁, y₁ + e^{y₂}, …) for y ~ D, as
 * Storopoli's ordinal regression draws its cutpoints (and as `ordered(D)` was before Bijectors' OrderedDistribution).
 * Its density is D's at y = (x₁, log(x₂ − x₁), …) times the inverse map's Jacobian, so in the ordered bijector's
 * unconstrained space the log density is exactly D's at y: what Turing samples. Unlike `ordered(D)`, D's
 * density is read at the gaps' logs, not at x.
 */
class OrderedPushforward extends OnIncreasingVectors {
  readonly family = 'transformed';

  logpdf(x: readonly Real[]): Real {
    const n = this.shape[0]!;
    checkLength(this.family, x, n);
    const density = (): Real => {
      const y: Real[] = new Array(n);
      const p = new Float64Array(2);
      y[0] = x[0]!;
      for (let i = 1; i < n; i++) y[i] = node(logGap([value(x[i]!), value(x[i - 1]!)], p), [x[i]!, x[i - 1]!], p, logGap);
      // log|det ∂y/∂x| = −Σ_{i≥2} log(xᵢ − xᵢ₋₁) = −Σ_{i≥2} yᵢ
      return ops.sub(this.inner.logpdf(y), ops.sumOf(y.slice(1)));
    };
    return guardSupport(x, (v) => (increasing(v, n) ? undefined : -Infinity), density, 'the support check of `transformed(D, OrderedBijector())` (x increasing)');
  }

  rand(rng: Rng): Float64Array {
    const x = this.inner.rand(rng);
    for (let i = 1; i < x.length; i++) x[i] = x[i - 1]! + Math.exp(x[i]!);
    return x;
  }
}

/** D must be vector-variate with real support, as Bijectors requires of D for its ordering transform. */
function realVectorVariate(name: string, d: Distribution): Multivariate {
  const s = d.support();
  const real = s.kind === 'real' || (s.kind === 'elementwise' && s.supports.every((e) => e.kind === 'real'));
  if (d.variate !== 'multivariate' || d.shape.length !== 1 || !real) {
    // Stan's positive_ordered is what a constrained D usually means; Bijectors refuses it too.
    const positive = d.variate === 'multivariate' && !real ? ' (for positive increasing values draw the gaps, `δ ~ filldist(Exponential(), n)`, and take `c = cumsum(δ)`)' : '';
    throw new DistributionArgumentError(name, 'D', `${name} needs a multivariate distribution with real support, got ${d.family}${positive}`);
  }
  return d as Multivariate;
}

/** Bijectors' `ordered(D)` for a vector-variate D with real support. */
export function ordered(d: Distribution): Multivariate {
  return new OrderedDist(realVectorVariate('ordered', d));
}

/** Bijectors' `transformed(D, OrderedBijector())` for a vector-variate D with real support. */
export function orderedPushforward(d: Distribution): Multivariate {
  return new OrderedPushforward(realVectorVariate('transformed', d));
}
