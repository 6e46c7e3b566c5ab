import { anyAD, node, value, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { digamma, lgamma } from '../../math/index.js';
import { randChisq, type Rng } from '../../rng/index.js';
import { DistributionArgumentError, type Multivariate } from '../types.js';
import type { CovarianceSpec } from './covariance.js';
import { resolveLocation } from './location.js';
import type { PDMat } from './pdmat.js';
import { checkLength, valuesOf } from './values.js';

/**
 * Distributions' GenericMvTDist with scale matrix Σ:
 * log p = lΓ((ν+n)/2) − lΓ(ν/2) − (n/2) log ν − (n/2) log π − ½ log|Σ| − ((ν+n)/2) log(1 + q/ν), q = rᵀΣ⁻¹r.
 */
class MvTDistDist implements Multivariate {
  readonly family = 'MvTDist';
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];
  private readonly muV: Float64Array;
  private readonly nuV: number;
  private readonly paramsAD: boolean;

  constructor(
    private readonly nu: Real,
    private readonly mu: readonly Real[],
    private readonly scale: PDMat,
  ) {
    this.shape = [mu.length];
    this.muV = valuesOf(mu);
    this.nuV = value(nu);
    this.paramsAD = anyAD([nu]) || anyAD(mu) || scale.isAD;
  }

  support(): Support {
    return { kind: 'real' };
  }

  logpdf(x: readonly Real[]): Real {
    const n = this.muV.length;
    checkLength(this.family, x, n);
    const xv = valuesOf(x);
    const r = xv.map((xi, i) => xi - this.muV[i]!);
    const w = this.scale.solve(r);
    let q = 0;
    for (let i = 0; i < n; i++) q += r[i]! * w[i]!;
    const nu = this.nuV;
    const h = (nu + n) / 2;
    const value = lgamma(h) - lgamma(nu / 2) - (n / 2) * Math.log(nu * Math.PI) - 0.5 * this.scale.logdet - h * Math.log1p(q / nu);
    if (!this.paramsAD && !anyAD(x)) return value;
    const inputs = [...x, this.nu, ...this.mu, ...this.scale.params];
    const partials = new Float64Array(inputs.length);
    const dq = -h / (nu + q); // ∂ log p / ∂q
    for (let i = 0; i < n; i++) {
      partials[i] = 2 * dq * w[i]!;
      partials[n + 1 + i] = -2 * dq * w[i]!;
    }
    partials[n] = 0.5 * (digamma(h) - digamma(nu / 2)) - n / (2 * nu) - 0.5 * Math.log1p(q / nu) + (h * q) / (nu * (nu + q));
    // ∂q/∂Σ = −w wᵀ
    this.scale.gradient(partials, 2 * n + 1, { inverse: -0.5, outer: [[-dq, w]] });
    return node(value, inputs, partials);
  }

  /** μ + L z / √(χ²_ν / ν) */
  rand(rng: Rng): Float64Array {
    const n = this.muV.length;
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = rng.normal();
    const f = Math.sqrt(this.nuV / randChisq(rng, this.nuV));
    return this.scale.unwhiten(z).map((v, i) => this.muV[i]! + f * v);
  }

  /** μ for ν > 1; undefined (NaN, as Distributions) otherwise. */
  mean(): Real[] {
    return this.nuV > 1 ? [...this.mu] : this.mu.map(() => NaN);
  }
}

/** Julia's `MvTDist(ν, μ, Σ)` (Σ the scale matrix), and `MvTDist(ν, Σ)` with μ = 0. */
export function MvTDist(nu: Real, cov: CovarianceSpec): Multivariate;
export function MvTDist(nu: Real, mu: readonly Real[], cov: CovarianceSpec): Multivariate;
export function MvTDist(nu: Real, a: readonly Real[] | CovarianceSpec, b?: CovarianceSpec): Multivariate {
  const nuV = value(nu);
  if (!(nuV > 0)) throw new DistributionArgumentError('MvTDist', 'ν', `degrees of freedom ν must be positive, got ${nuV}`);
  const { loc, mat } = Array.isArray(a) ? resolveLocation('MvTDist', 'μ', a, 'Σ', b!) : resolveLocation('MvTDist', 'μ', undefined, 'Σ', a as CovarianceSpec);
  return new MvTDistDist(nu, loc, mat);
}
