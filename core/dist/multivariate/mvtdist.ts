import { anyAD, node, value, valuesOf, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { digamma, lbeta, lgamma } from '../../math/index.js';
import { randChisq, type Rng } from '../../rng/index.js';
import type { Multivariate } from '../types.js';
import { checkScale } from '../univariate/check.js';
import type { CovarianceSpec } from './covariance.js';
import { resolveLocation } from './location.js';
import type { PDMat } from './pdmat.js';
import { checkLength, part } from './values.js';

/** μᵢ on the inputs [ν, μᵢ] where the mean exists (ν > 1), NaN elsewhere. */
const definedMean: Recompute = (v, p) => {
  const defined = v[0]! > 1;
  p[0] = 0;
  p[1] = defined ? 1 : 0;
  return defined ? v[1]! : NaN;
};

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
    checkLength(this.family, x, this.muV.length);
    const inputs = [...x, this.nu, ...this.mu, ...this.scale.params];
    if (!this.paramsAD && !anyAD(x)) return this.density(valuesOf(inputs));
    const p = new Float64Array(inputs.length);
    return node(this.density(valuesOf(inputs), p), inputs, p, this.rule);
  }

  private readonly rule: Recompute = (v, p) => this.density(v, p);

  /** The log density on the inputs [x, ν, μ, Σ's params], and its partials when `p` is given. */
  private density(v: ArrayLike<number>, p?: Float64Array): number {
    const n = this.muV.length;
    const scale = this.scale.at(v, 2 * n + 1);
    const mu = part(v, n + 1, 2 * n + 1);
    const r = part(v, 0, n).map((xi, i) => xi - mu[i]!);
    const w = scale.solve(r);
    let q = 0;
    for (let i = 0; i < n; i++) q += r[i]! * w[i]!;
    const nu = v[n]!;
    if (nu === Infinity) return this.normalLimit(q, w, scale, p);
    const h = (nu + n) / 2;
    // lΓ(h) − lΓ(ν/2) as lΓ(n/2) − log B(ν/2, n/2): two lΓ of a large ν/2 cancel to nothing (ν = 1e15 gave a
    // log density off by 2); the beta function's own expansion keeps the difference.
    const value = lgamma(n / 2) - lbeta(nu / 2, n / 2) - (n / 2) * Math.log(nu * Math.PI) - 0.5 * scale.logdet - h * Math.log1p(q / nu);
    if (p === undefined) return value;
    const dq = -h / (nu + q); // ∂ log p / ∂q
    for (let i = 0; i < n; i++) {
      p[i] = 2 * dq * w[i]!;
      p[n + 1 + i] = -2 * dq * w[i]!;
    }
    p[n] = 0.5 * (digamma(h) - digamma(nu / 2)) - n / (2 * nu) - 0.5 * Math.log1p(q / nu) + (h * q) / (nu * (nu + q));
    // ∂q/∂Σ = −w wᵀ
    scale.gradient(p, 2 * n + 1, { inverse: -0.5, outer: [[-dq, w]] });
    return value;
  }

  /**
   * ν = Inf, which Distributions.jl's check lets through (its log density is then NaN): the limit MvNormal(μ, Σ),
   * as TDist(Inf) is the standard normal, with no partial in ν.
   */
  private normalLimit(q: number, w: Float64Array, scale: PDMat, p?: Float64Array): number {
    const n = this.muV.length;
    const value = -(n / 2) * Math.log(2 * Math.PI) - 0.5 * scale.logdet - q / 2;
    if (p === undefined) return value;
    for (let i = 0; i < n; i++) {
      p[i] = -w[i]!;
      p[n + 1 + i] = w[i]!;
    }
    p[n] = 0;
    scale.gradient(p, 2 * n + 1, { inverse: -0.5, outer: [[0.5, w]] });
    return value;
  }

  /** μ + L z / √(χ²_ν / ν), and μ + L z for ν = Inf. */
  rand(rng: Rng): Float64Array {
    const n = this.muV.length;
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) z[i] = rng.normal();
    const f = this.nuV === Infinity ? 1 : Math.sqrt(this.nuV / randChisq(rng, this.nuV));
    return this.scale.unwhiten(z).map((v, i) => this.muV[i]! + f * v);
  }

  /** μ for ν > 1; undefined (NaN, as Distributions) otherwise: decided in each entry's rule, so a replay decides again. */
  mean(): Real[] {
    const p = new Float64Array(2);
    return this.mu.map((m) => node(definedMean([this.nuV, value(m)], p), [this.nu, m], p, definedMean));
  }
}

/** Julia's `MvTDist(ν, μ, Σ)` (Σ the scale matrix), and `MvTDist(ν, Σ)` with μ = 0. */
export function MvTDist(nu: Real, cov: CovarianceSpec): Multivariate;
export function MvTDist(nu: Real, mu: readonly Real[], cov: CovarianceSpec): Multivariate;
export function MvTDist(nu: Real, a: readonly Real[] | CovarianceSpec, b?: CovarianceSpec): Multivariate {
  // As Distributions, ν > 0 and no more; through `checkScale`, so that a compiled tape checks a parameter ν again at each replay.
  checkScale('MvTDist', 'ν', nu, 'degrees of freedom ν');
  const { loc, mat } = Array.isArray(a) ? resolveLocation('MvTDist', 'μ', a, 'Σ', b!) : resolveLocation('MvTDist', 'μ', undefined, 'Σ', a as CovarianceSpec);
  return new MvTDistDist(nu, loc, mat);
}
