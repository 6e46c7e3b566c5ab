import { anyAD, node, ops, valuesOf, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { digamma, lgamma, softmax } from '../../math/index.js';
import { logRandGamma, type Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Multivariate } from '../types.js';
import { checkLength, part, sameValues } from './values.js';
import { allPositiveFinite, checkJointly, firstNotPositive, isProbVector } from '../univariate/check.js';

interface Normaliser {
  readonly alpha0: number;
  /** log B(α) = Σ lΓ(αᵢ) − lΓ(α₀) */
  readonly lmnB: number;
}

function normaliser(alpha: Float64Array): Normaliser {
  const alpha0 = alpha.reduce((s, a) => s + a, 0);
  return { alpha0, lmnB: alpha.reduce((s, a) => s + lgamma(a), 0) - lgamma(alpha0) };
}

/** log p(x) = Σ (αᵢ − 1) log xᵢ − (Σ lΓ(αᵢ) − lΓ(α₀)) on the simplex, α₀ = Σ αᵢ. */
class DirichletDist implements Multivariate {
  readonly family = 'Dirichlet';
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];
  private readonly alphaV: Float64Array;
  private readonly norm: Normaliser;
  private readonly paramsAD: boolean;

  constructor(private readonly alpha: readonly Real[]) {
    this.shape = [alpha.length];
    this.alphaV = valuesOf(alpha);
    this.norm = normaliser(this.alphaV);
    this.paramsAD = anyAD(alpha);
  }

  support(): Support {
    return { kind: 'simplex', dim: this.alpha.length };
  }

  logpdf(x: readonly Real[]): Real {
    checkLength(this.family, x, this.alphaV.length);
    const inputs = [...x, ...this.alpha];
    if (!this.paramsAD && !anyAD(x)) return this.density(valuesOf(inputs));
    const p = new Float64Array(inputs.length);
    return node(this.density(valuesOf(inputs), p), inputs, p, this.rule);
  }

  private readonly rule: Recompute = (v, p) => this.density(v, p);

  /**
   * The log density on the inputs [x, α], and its partials when `p` is given. The support check is part
   * of it, so a replay makes it again.
   */
  private density(v: ArrayLike<number>, p?: Float64Array): number {
    const k = this.alphaV.length;
    const xv = part(v, 0, k);
    const alpha = part(v, k, 2 * k);
    if (!isProbVector(xv)) {
      p?.fill(0, 0, 2 * k);
      return -Infinity;
    }
    const { alpha0, lmnB } = sameValues(alpha, this.alphaV) ? this.norm : normaliser(alpha);
    let s = -lmnB;
    // xlogy: a zero coordinate contributes nothing when its αᵢ = 1.
    for (let i = 0; i < k; i++) if (alpha[i] !== 1) s += (alpha[i]! - 1) * Math.log(xv[i]!);
    if (p === undefined) return s;
    // ∂/∂x treats the k coordinates as free (the formula's extension off the simplex); the simplex
    // bijector supplies the constraint.
    const psi0 = digamma(alpha0);
    for (let i = 0; i < k; i++) {
      const a = alpha[i]!;
      p[i] = a === 1 ? 0 : (a - 1) / xv[i]!;
      p[k + i] = Math.log(xv[i]!) + psi0 - digamma(a);
    }
    return s;
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
  checkJointly('Dirichlet', 'α', alpha, allPositiveFinite, (v) => {
    const i = firstNotPositive(v);
    return `α must be positive, got α[${i}] = ${v[i - 1]}`;
  });
  return new DirichletDist(alpha);
}
