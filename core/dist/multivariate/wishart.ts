import { anyAD, node, ops, value, valuesOf, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { inverseFromCholesky, logdetFromCholesky, matMul, transpose } from '../../math/index.js';
import { randChisq, type Rng } from '../../rng/index.js';
import type { Multivariate } from '../types.js';
import { checkJointly } from '../univariate/check.js';
import type { CovarianceSpec } from './covariance.js';
import { logmvgamma, mvdigamma } from './mvgamma.js';
import { resolvePD, type PDMat } from './pdmat.js';
import { checkLength, part, spdFactor } from './values.js';

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

/** ν > p − 1 and finite, on [ν, p]. */
const enoughDegrees = (v: ArrayLike<number>): boolean => v[0]! > v[1]! - 1 && v[0]! !== Infinity;

/**
 * Distributions' check for the non-singular Wishart family (the singular one, integer ν < p, is not
 * offered). Through `checkJointly`, so that a compiled tape checks a parameter ν again at each replay.
 */
export function checkWishartDegrees(family: string, nu: Real, p: number): void {
  checkJointly(family, 'ν', [nu, p], enoughDegrees, (v) => `degrees of freedom ν must be greater than dim − 1 = ${p - 1}, got ${v[0]}`);
}

/** −(ν/2)(log|S| + p log 2) − log Γₚ(ν/2) */
function wishartLogc0(nu: number, scale: PDMat): number {
  return -(nu / 2) * (scale.logdet + scale.dim * Math.LN2) - logmvgamma(scale.dim, nu / 2);
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
    this.logc0 = wishartLogc0(this.nuV, scale);
    this.paramsAD = anyAD([nu]) || scale.isAD;
  }

  support(): Support {
    return { kind: 'pd', dim: this.scale.dim };
  }

  logpdf(x: readonly Real[]): Real {
    checkLength(this.family, x, this.scale.dim ** 2);
    const inputs = [...x, this.nu, ...this.scale.params];
    if (!this.paramsAD && !anyAD(x)) return this.density(valuesOf(inputs));
    const p = new Float64Array(inputs.length);
    return node(this.density(valuesOf(inputs), p), inputs, p, this.rule);
  }

  private readonly rule: Recompute = (v, p) => this.density(v, p);

  /**
   * The log density on the inputs [X (p² entries), ν, S's params], and its partials when `partials` is
   * given. The support check is part of it, so a replay makes it again.
   */
  private density(v: ArrayLike<number>, partials?: Float64Array): number {
    const p = this.scale.dim;
    partials?.fill(0, 0, p * p + 1 + this.scale.params.length);
    const xv = part(v, 0, p * p);
    const l = spdFactor(xv, p);
    if (l === null) return -Infinity;
    const nu = v[p * p]!;
    const scale = this.scale.at(v, p * p + 1);
    const logc0 = nu === this.nuV && scale === this.scale ? this.logc0 : wishartLogc0(nu, scale);
    const logdetX = logdetFromCholesky(l, p);
    const sInvX = new Float64Array(p * p);
    for (let j = 0; j < p; j++) sInvX.set(scale.solve(xv.subarray(j * p, (j + 1) * p)), j * p);
    let trace = 0;
    for (let i = 0; i < p; i++) trace += sInvX[i + i * p]!;
    const lp = logc0 + ((nu - p - 1) * logdetX - trace) / 2;
    if (partials === undefined) return lp;
    const xInv = inverseFromCholesky(l, p);
    const sInv = scale.inverse();
    for (let k = 0; k < p * p; k++) partials[k] = ((nu - p - 1) / 2) * xInv[k]! - 0.5 * sInv[k]!;
    partials[p * p] = -0.5 * (scale.logdet + p * Math.LN2) - 0.5 * mvdigamma(p, nu / 2) + 0.5 * logdetX;
    // ∂/∂S = −(ν/2) S⁻¹ + ½ S⁻¹ X S⁻¹
    const dense = matMul(sInvX, sInv, p, p, p).map((g) => 0.5 * g);
    scale.gradient(partials, p * p + 1, { inverse: -nu / 2, dense });
    return lp;
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
  checkWishartDegrees('Wishart', nu, s.dim);
  return new WishartDist(nu, s);
}
