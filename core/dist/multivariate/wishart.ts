import { anyAD, node, ops, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { inverseFromCholesky, logdetFromCholesky, matMul, transpose } from '../../math/index.js';
import { randChisq, type Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Multivariate } from '../types.js';
import type { CovarianceSpec } from './covariance.js';
import { logmvgamma, mvdigamma } from './mvgamma.js';
import { resolvePD, type PDMat } from './pdmat.js';
import { checkLength, spdFactor, valuesOf } from './values.js';

/**
 * Bartlett's factor: lower triangular A with Aᵢᵢ = √χ²(ν − i + 1) (i 1-based) and standard normals
 * below the diagonal, so that (L A)(L A)ᵀ ~ Wishart(ν, L Lᵀ); Distributions' `_wishart_genA!`.
 */
export function bartlettFactor(rng: Rng, nu: number, p: number): Float64Array {
  const a = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    a[j + j * p] = Math.sqrt(randChisq(rng, nu - j));
    for (let i = j + 1; i < p; i++) a[i + j * p] = rng.normal();
  }
  return a;
}

/** Distributions' check for the non-singular Wishart family (the singular one, integer ν < p, is not offered). */
export function checkWishartDegrees(family: string, nu: number, p: number): void {
  if (!(nu > p - 1) || !Number.isFinite(nu)) {
    throw new DistributionArgumentError(family, 'ν', `degrees of freedom ν must be greater than dim − 1 = ${p - 1}, got ${nu}`);
  }
}

/**
 * log p(X) = ((ν − p − 1) log|X| − tr(S⁻¹X)) / 2 − (ν/2)(log|S| + p log 2) − log Γₚ(ν/2).
 * The value is the p×p matrix, column-major; its p² entries are independent inputs for the partials.
 */
class WishartDist implements Multivariate {
  readonly family = 'Wishart';
  readonly variate = 'matrixvariate';
  readonly discrete = false;
  readonly shape: readonly number[];
  private readonly nuV: number;
  private readonly logc0: number;
  private readonly paramsAD: boolean;

  constructor(
    private readonly nu: Real,
    private readonly scale: PDMat,
  ) {
    const p = scale.dim;
    this.shape = [p, p];
    this.nuV = value(nu);
    this.logc0 = -(this.nuV / 2) * (scale.logdet + p * Math.LN2) - logmvgamma(p, this.nuV / 2);
    this.paramsAD = anyAD([nu]) || scale.isAD;
  }

  support(): Support {
    return { kind: 'pd', dim: this.scale.dim };
  }

  logpdf(x: readonly Real[]): Real {
    const p = this.scale.dim;
    const nu = this.nuV;
    checkLength(this.family, x, p * p);
    const xv = valuesOf(x);
    const l = spdFactor(xv, p);
    if (l === null) return -Infinity;
    const logdetX = logdetFromCholesky(l, p);
    const sInvX = new Float64Array(p * p);
    for (let j = 0; j < p; j++) sInvX.set(this.scale.solve(xv.subarray(j * p, (j + 1) * p)), j * p);
    let trace = 0;
    for (let i = 0; i < p; i++) trace += sInvX[i + i * p]!;
    const v = this.logc0 + ((nu - p - 1) * logdetX - trace) / 2;
    if (!this.paramsAD && !anyAD(x)) return v;
    const inputs = [...x, this.nu, ...this.scale.params];
    const partials = new Float64Array(inputs.length);
    const xInv = inverseFromCholesky(l, p);
    const sInv = this.scale.inverse();
    for (let k = 0; k < p * p; k++) partials[k] = ((nu - p - 1) / 2) * xInv[k]! - 0.5 * sInv[k]!;
    partials[p * p] = -0.5 * (this.scale.logdet + p * Math.LN2) - 0.5 * mvdigamma(p, nu / 2) + 0.5 * logdetX;
    // ∂/∂S = −(ν/2) S⁻¹ + ½ S⁻¹ X S⁻¹
    const dense = matMul(sInvX, sInv, p, p, p).map((g) => 0.5 * g);
    this.scale.gradient(partials, p * p + 1, { inverse: -nu / 2, dense });
    return node(v, inputs, partials);
  }

  rand(rng: Rng): Float64Array {
    const p = this.scale.dim;
    const a = bartlettFactor(rng, this.nuV, p);
    const b = new Float64Array(p * p);
    for (let j = 0; j < p; j++) b.set(this.scale.unwhiten(a.subarray(j * p, (j + 1) * p)), j * p);
    return matMul(b, transpose(b, p, p), p, p, p);
  }

  /** ν S */
  mean(): Real[] {
    const p = this.scale.dim;
    return Array.from({ length: p * p }, (_, k) => ops.mul(this.nu, this.scale.entry(k % p, Math.floor(k / p))));
  }
}

/** Julia's `Wishart(ν, S)`; S has to carry its size (a matrix, `Diagonal(v)`, or σ² * I with a dimension). */
export function Wishart(nu: Real, scale: CovarianceSpec): Multivariate {
  const s = resolvePD(scale, 'Wishart', 'S');
  checkWishartDegrees('Wishart', value(nu), s.dim);
  return new WishartDist(nu, s);
}
