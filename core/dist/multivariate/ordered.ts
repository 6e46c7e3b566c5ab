import { node, ops, value, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Distribution, type Multivariate } from '../types.js';
import { guardSupport } from '../support-guard.js';
import { checkLength } from './values.js';

/** log(xᵢ − xᵢ₋₁) on the inputs [xᵢ, xᵢ₋₁]. */
const logGap: Recompute = (v, p) => {
  const gap = v[0]! - v[1]!;
  p[0] = 1 / gap;
  p[1] = -1 / gap;
  return Math.log(gap);
};

/** The first n values strictly increase. */
function increasing(v: ArrayLike<number>, n: number): boolean {
  for (let i = 1; i < n; i++) if (!(v[i]! > v[i - 1]!)) return false;
  return true;
}

/**
 * Bijectors' `ordered(D)`: `transformed(D, OrderedBijector())`, the distribution of x = (y₁, y₁ + e^{y₂}, …)
 * for y ~ D. Its density is D's at y = (x₁, log(x₂ − x₁), …) times the inverse map's Jacobian, so in the
 * unconstrained space of the ordered bijector the log density is exactly D's: what Turing samples.
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
    const density = (): Real => {
      const y: Real[] = new Array(n);
      const p = new Float64Array(2);
      y[0] = x[0]!;
      for (let i = 1; i < n; i++) y[i] = node(logGap([value(x[i]!), value(x[i - 1]!)], p), [x[i]!, x[i - 1]!], p, logGap);
      // log|det ∂y/∂x| = −Σ_{i≥2} log(xᵢ − xᵢ₋₁) = −Σ_{i≥2} yᵢ
      return ops.sub(this.inner.logpdf(y), ops.sumOf(y.slice(1)));
    };
    return guardSupport(x, (v) => (increasing(v, n) ? undefined : -Infinity), density, 'the support check of `ordered` (x increasing)');
  }

  rand(rng: Rng): Float64Array {
    const x = this.inner.rand(rng);
    for (let i = 1; i < x.length; i++) x[i] = x[i - 1]! + Math.exp(x[i]!);
    return x;
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
