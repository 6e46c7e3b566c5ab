import { anyAD, node, value, valuesOf, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { cholesky, inverseFromCholesky, logdetFromCholesky, matMul } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import type { Multivariate } from '../types.js';
import type { CovarianceSpec } from './covariance.js';
import { logmvgamma, mvdigamma } from './mvgamma.js';
import { resolvePD, type PDMat } from './pdmat.js';
import { checkLength, part, spdFactor } from './values.js';
import { bartlettFactor, checkWishartDegrees } from './wishart.js';

/** (ν/2)(log|Ψ| − p log 2) − log Γₚ(ν/2) */
function inverseWishartLogc0(nu: number, psi: PDMat): number {
  return (nu / 2) * (psi.logdet - psi.dim * Math.LN2) - logmvgamma(psi.dim, nu / 2);
}

/**
 * log p(X) = −((ν + p + 1) log|X| + tr(X⁻¹Ψ)) / 2 + (ν/2)(log|Ψ| − p log 2) − log Γₚ(ν/2).
 * The value is the p×p matrix, column-major; its p² entries are independent inputs for the partials.
 */
class InverseWishartDist implements Multivariate {
  readonly family = 'InverseWishart';
  readonly variate = 'matrixvariate';
  readonly discrete = false;
  readonly shape: readonly number[];
  private readonly nuV: number;
  private readonly logc0: number;
  private readonly psiDense: Float64Array;
  private readonly paramsAD: boolean;

  constructor(
    private readonly nu: Real,
    private readonly psi: PDMat,
  ) {
    const p = psi.dim;
    this.shape = [p, p];
    this.nuV = value(nu);
    this.logc0 = inverseWishartLogc0(this.nuV, psi);
    this.psiDense = psi.dense();
    this.paramsAD = anyAD([nu]) || psi.isAD;
  }

  support(): Support {
    return { kind: 'pd', dim: this.psi.dim };
  }

  logpdf(x: readonly Real[]): Real {
    checkLength(this.family, x, this.psi.dim ** 2);
    const inputs = [...x, this.nu, ...this.psi.params];
    if (!this.paramsAD && !anyAD(x)) return this.density(valuesOf(inputs));
    const p = new Float64Array(inputs.length);
    return node(this.density(valuesOf(inputs), p), inputs, p, this.rule);
  }

  private readonly rule: Recompute = (v, p) => this.density(v, p);

  /**
   * The log density on the inputs [X (p² entries), ν, Ψ's params], and its partials when `partials` is
   * given. The support check is part of it, so a replay makes it again.
   */
  private density(v: ArrayLike<number>, partials?: Float64Array): number {
    const p = this.psi.dim;
    partials?.fill(0, 0, p * p + 1 + this.psi.params.length);
    const l = spdFactor(part(v, 0, p * p), p);
    if (l === null) return -Infinity;
    const nu = v[p * p]!;
    const psi = this.psi.at(v, p * p + 1);
    const same = psi === this.psi;
    const logc0 = same && nu === this.nuV ? this.logc0 : inverseWishartLogc0(nu, psi);
    const psiDense = same ? this.psiDense : psi.dense();
    const logdetX = logdetFromCholesky(l, p);
    const xInv = inverseFromCholesky(l, p);
    // tr(X⁻¹Ψ) for symmetric X⁻¹ and Ψ is their elementwise inner product.
    let trace = 0;
    for (let k = 0; k < p * p; k++) trace += xInv[k]! * psiDense[k]!;
    const lp = logc0 - ((nu + p + 1) * logdetX + trace) / 2;
    if (partials === undefined) return lp;
    // ∂/∂X = −½(ν + p + 1) X⁻¹ + ½ X⁻¹ Ψ X⁻¹
    const sandwich = matMul(matMul(xInv, psiDense, p, p, p), xInv, p, p, p);
    for (let k = 0; k < p * p; k++) partials[k] = -0.5 * (nu + p + 1) * xInv[k]! + 0.5 * sandwich[k]!;
    partials[p * p] = 0.5 * (psi.logdet - p * Math.LN2) - 0.5 * mvdigamma(p, nu / 2) - 0.5 * logdetX;
    psi.gradient(partials, p * p + 1, { inverse: nu / 2, dense: xInv.map((g) => -0.5 * g) });
    return lp;
  }

  /**
   * The inverse of a Wishart(ν, Ψ⁻¹) draw, as Distributions. With Ψ⁻¹ = L Lᵀ and Bartlett's A, the draw is
   * B Bᵀ with B = L A lower triangular with a positive diagonal, so B is already its Cholesky factor.
   */
  rand(rng: Rng): Float64Array {
    const p = this.psi.dim;
    const l = cholesky(this.psi.inverse(), p)!;
    return inverseFromCholesky(matMul(l, bartlettFactor(rng, this.nuV, p), p, p, p), p);
  }

  /** Ψ / (ν − p − 1) for ν > p + 1; NaN otherwise: decided in each entry's rule, so a replay decides again. */
  mean(): Real[] {
    const p = this.psi.dim;
    const rule: Recompute = (v, partials) => {
      const denom = v[0]! - (p + 1);
      const defined = denom > 0;
      partials[0] = defined ? -v[1]! / (denom * denom) : 0;
      partials[1] = defined ? 1 / denom : 0;
      return defined ? v[1]! / denom : NaN;
    };
    const partials = new Float64Array(2);
    return Array.from({ length: p * p }, (_, k) => {
      const entry = this.psi.entry(k % p, Math.floor(k / p));
      return node(rule([this.nuV, value(entry)], partials), [this.nu, entry], partials, rule);
    });
  }
}

/** Julia's `InverseWishart(ν, Ψ)`; Ψ has to carry its size (a matrix, `Diagonal(v)`, or σ² * I with a dimension). */
export function InverseWishart(nu: Real, psi: CovarianceSpec): Multivariate {
  const s = resolvePD(psi, 'InverseWishart', 'Ψ');
  checkWishartDegrees('InverseWishart', nu, s.dim);
  return new InverseWishartDist(nu, s);
}
