import { ops, valuesOf, type Real } from '../../ad/index.js';
import { digamma, lgamma } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Multivariate } from '../types.js';
import { CountVector } from './counts.js';
import { Dirichlet } from './dirichlet.js';
import { Multinomial } from './multinomial.js';
import { allPositiveFinite, checkJointly, firstNotPositive } from '../univariate/check.js';

/**
 * Counts of n trials over k categories whose probabilities are drawn from Dirichlet(α):
 * log p(x) = lΓ(n + 1) + lΓ(α₀) − lΓ(n + α₀) + Σ [lΓ(xᵢ + αᵢ) − lΓ(αᵢ) − lΓ(xᵢ + 1)], α₀ = Σ αᵢ,
 * so ∂/∂αᵢ = ψ(α₀) − ψ(n + α₀) + ψ(xᵢ + αᵢ) − ψ(αᵢ).
 */
class DirichletMultinomialDist extends CountVector {
  readonly family = 'DirichletMultinomial';

  protected countMass(xv: Float64Array, alpha: Float64Array, partials?: Float64Array): number {
    const k = xv.length;
    let a0 = 0;
    for (const a of alpha) a0 += a;
    let s = lgamma(this.n + 1) + lgamma(a0) - lgamma(this.n + a0);
    for (let i = 0; i < k; i++) s += lgamma(xv[i]! + alpha[i]!) - lgamma(alpha[i]!) - lgamma(xv[i]! + 1);
    if (partials !== undefined) {
      const common = digamma(a0) - digamma(this.n + a0);
      for (let i = 0; i < k; i++) partials[i] = common + digamma(xv[i]! + alpha[i]!) - digamma(alpha[i]!);
    }
    return s;
  }

  /** Probabilities from the Dirichlet, then the multinomial counts, as Distributions.jl draws them. */
  rand(rng: Rng): Float64Array {
    const p = Dirichlet(Array.from(this.paramsV)).rand(rng);
    return Multinomial(this.n, Array.from(p)).rand(rng);
  }

  /** n αᵢ/α₀ */
  mean(): Real[] {
    const a0 = ops.sumOf(this.params);
    return this.params.map((a) => ops.div(ops.mul(this.n, a), a0));
  }
}

/** Julia's `DirichletMultinomial(n, α)`, and `DirichletMultinomial(n, k)` with α = ones(k). */
export function DirichletMultinomial(n: number, alpha: readonly Real[] | number): Multivariate {
  const f = 'DirichletMultinomial';
  if (!Number.isInteger(n) || n < 1) throw new DistributionArgumentError(f, 'n', `number of trials n must be a positive integer, got ${n}`);
  if (typeof alpha === 'number') {
    if (!Number.isInteger(alpha) || alpha < 1) throw new DistributionArgumentError(f, 'k', `number of categories k must be a positive integer, got ${alpha}`);
    return new DirichletMultinomialDist(n, new Array<Real>(alpha).fill(1));
  }
  const av = valuesOf(alpha);
  if (av.length < 1) throw new DistributionArgumentError(f, 'α', 'α must have at least one element');
  checkJointly(f, 'α', alpha, allPositiveFinite, (v) => {
    const i = firstNotPositive(v);
    return `α[${i}] must be positive and finite, got ${v[i - 1]}`;
  });
  return new DirichletMultinomialDist(n, alpha);
}
