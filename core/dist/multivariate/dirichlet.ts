import { anyAD, node, ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { digamma, lgamma, softmax } from '../../math/index.js';
import { logRandGamma, type Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Multivariate } from '../types.js';
import { checkLength, sumsToOne, valuesOf } from './values.js';

/** log p(x) = Σ (αᵢ − 1) log xᵢ − (Σ lΓ(αᵢ) − lΓ(α₀)) on the simplex, α₀ = Σ αᵢ. */
class DirichletDist implements Multivariate {
  readonly family = 'Dirichlet';
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];
  private readonly alphaV: Float64Array;
  private readonly alpha0: number;
  private readonly lmnB: number;
  private readonly paramsAD: boolean;

  constructor(private readonly alpha: readonly Real[]) {
    this.shape = [alpha.length];
    this.alphaV = valuesOf(alpha);
    this.alpha0 = this.alphaV.reduce((s, a) => s + a, 0);
    this.lmnB = this.alphaV.reduce((s, a) => s + lgamma(a), 0) - lgamma(this.alpha0);
    this.paramsAD = anyAD(alpha);
  }

  support(): Support {
    return { kind: 'simplex', dim: this.alpha.length };
  }

  logpdf(x: readonly Real[]): Real {
    const k = this.alphaV.length;
    checkLength(this.family, x, k);
    const xv = valuesOf(x);
    if (xv.some((xi) => !(xi >= 0)) || !sumsToOne(xv)) return -Infinity;
    let s = -this.lmnB;
    // xlogy: a zero coordinate contributes nothing when its αᵢ = 1.
    for (let i = 0; i < k; i++) if (this.alphaV[i] !== 1) s += (this.alphaV[i]! - 1) * Math.log(xv[i]!);
    if (!this.paramsAD && !anyAD(x)) return s;
    // ∂/∂x treats the k coordinates as free (the formula's extension off the simplex); the simplex
    // bijector supplies the constraint.
    const inputs = [...x, ...this.alpha];
    const partials = new Float64Array(2 * k);
    const psi0 = digamma(this.alpha0);
    for (let i = 0; i < k; i++) {
      const a = this.alphaV[i]!;
      partials[i] = a === 1 ? 0 : (a - 1) / xv[i]!;
      partials[k + i] = Math.log(xv[i]!) + psi0 - digamma(a);
    }
    return node(s, inputs, partials);
  }

  /** Normalised gamma draws, normalised in log space so tiny αᵢ don't give 0/0. */
  rand(rng: Rng): Float64Array {
    return softmax(this.alphaV.map((a) => logRandGamma(rng, a)));
  }

  mean(): Real[] {
    const a0 = ops.sumOf(this.alpha);
    return this.alpha.map((a) => ops.div(a, a0));
  }
}

/** Julia's `Dirichlet(α)`, and the symmetric `Dirichlet(k, a)` (α = fill(a, k)). */
export function Dirichlet(alpha: readonly Real[]): Multivariate;
export function Dirichlet(k: number, a: Real): Multivariate;
export function Dirichlet(first: readonly Real[] | number, a?: Real): Multivariate {
  let alpha: readonly Real[];
  if (typeof first === 'number') {
    if (!Number.isInteger(first) || first < 1) throw new DistributionArgumentError('Dirichlet', 'k', `dimension k must be a positive integer, got ${first}`);
    alpha = new Array<Real>(first).fill(a!);
  } else {
    alpha = first;
    if (alpha.length < 1) throw new DistributionArgumentError('Dirichlet', 'α', 'α must have at least one element');
  }
  alpha.forEach((ai, i) => {
    const v = value(ai);
    if (!(v > 0) || !Number.isFinite(v)) throw new DistributionArgumentError('Dirichlet', 'α', `α must be positive, got α[${i + 1}] = ${v}`);
  });
  return new DirichletDist(alpha);
}
