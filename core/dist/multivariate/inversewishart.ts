import { anyAD, node, ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { cholesky, inverseFromCholesky, logdetFromCholesky, matMul } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import type { Multivariate } from '../types.js';
import type { CovarianceSpec } from './covariance.js';
import { logmvgamma, mvdigamma } from './mvgamma.js';
import { resolvePD, type PDMat } from './pdmat.js';
import { checkLength, spdFactor, valuesOf } from './values.js';
import { bartlettFactor, checkWishartDegrees } from './wishart.js';

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
    this.logc0 = (this.nuV / 2) * (psi.logdet - p * Math.LN2) - logmvgamma(p, this.nuV / 2);
    this.psiDense = psi.dense();
    this.paramsAD = anyAD([nu]) || psi.isAD;
  }

  support(): Support {
    return { kind: 'pd', dim: this.psi.dim };
  }

  logpdf(x: readonly Real[]): Real {
    const p = this.psi.dim;
    const nu = this.nuV;
    checkLength(this.family, x, p * p);
    const l = spdFactor(valuesOf(x), p);
    if (l === null) return -Infinity;
    const logdetX = logdetFromCholesky(l, p);
    const xInv = inverseFromCholesky(l, p);
    // tr(X⁻¹Ψ) for symmetric X⁻¹ and Ψ is their elementwise inner product.
    let trace = 0;
    for (let k = 0; k < p * p; k++) trace += xInv[k]! * this.psiDense[k]!;
    const v = this.logc0 - ((nu + p + 1) * logdetX + trace) / 2;
    if (!this.paramsAD && !anyAD(x)) return v;
    const inputs = [...x, this.nu, ...this.psi.params];
    const partials = new Float64Array(inputs.length);
    // ∂/∂X = −½(ν + p + 1) X⁻¹ + ½ X⁻¹ Ψ X⁻¹
    const sandwich = matMul(matMul(xInv, this.psiDense, p, p, p), xInv, p, p, p);
    for (let k = 0; k < p * p; k++) partials[k] = -0.5 * (nu + p + 1) * xInv[k]! + 0.5 * sandwich[k]!;
    partials[p * p] = 0.5 * (this.psi.logdet - p * Math.LN2) - 0.5 * mvdigamma(p, nu / 2) - 0.5 * logdetX;
    this.psi.gradient(partials, p * p + 1, { inverse: nu / 2, dense: xInv.map((g) => -0.5 * g) });
    return node(v, inputs, partials);
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

  /** Ψ / (ν − p − 1) for ν > p + 1; NaN otherwise. */
  mean(): Real[] {
    const p = this.psi.dim;
    const denom = ops.sub(this.nu, p + 1);
    return Array.from({ length: p * p }, (_, k) => (this.nuV > p + 1 ? ops.div(this.psi.entry(k % p, Math.floor(k / p)), denom) : NaN));
  }
}

/** Julia's `InverseWishart(ν, Ψ)`; Ψ has to carry its size (a matrix, `Diagonal(v)`, or σ² * I with a dimension). */
export function InverseWishart(nu: Real, psi: CovarianceSpec): Multivariate {
  const s = resolvePD(psi, 'InverseWishart', 'Ψ');
  checkWishartDegrees('InverseWishart', value(nu), s.dim);
  return new InverseWishartDist(nu, s);
}
