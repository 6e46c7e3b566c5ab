import type { Real } from '../../ad/index.js';
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

/** Bijectors draws by rejection and would loop for ever; past this many draws of D, say so instead. */
const MAX_REJECTIONS = 1_000_000;

/**
 * Bijectors' `ordered(D)` (its OrderedDistribution): D's density at x on increasing x, −∞ elsewhere, not
 * renormalised (for n iid components the missing factor is the constant n!). HMC works in the ordered
 * bijector's unconstrained space, x = (y₁, y₁ + e^{y₂}, …), with the log-Jacobian Σ_{i≥2} yᵢ added.
 */
class OrderedDist implements Multivariate {
  readonly family = 'ordered';
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];

  constructor(private readonly inner: Multivariate) {
    this.shape = inner.shape;
  }

  support(): Support {
    return { kind: 'ordered', dim: this.shape[0]! };
  }

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

/** Bijectors' `ordered(D)` for a vector-variate D with real support (as Bijectors requires of D here). */
export function ordered(d: Distribution): Multivariate {
  const s = d.support();
  const real = s.kind === 'real' || (s.kind === 'elementwise' && s.supports.every((e) => e.kind === 'real'));
  if (d.variate !== 'multivariate' || d.shape.length !== 1 || !real) {
    throw new DistributionArgumentError('ordered', 'D', `ordered needs a multivariate distribution with real support, got ${d.family}`);
  }
  return new OrderedDist(d as Multivariate);
}
