import { anyAD, node, ops, valuesOf, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import type { Multivariate } from '../types.js';
import type { CovarianceSpec } from './covariance.js';
import { resolveLocation } from './location.js';
import { normalDraw, normalLogDensity, normalParameters, writeNormalParamPartials } from './mvnormal.js';
import type { PDMat } from './pdmat.js';
import { checkLength, part } from './values.js';

/** exp of a MvNormal(μ, Σ) vector: log N(log x; μ, Σ) − Σ log xᵢ, as Distributions' MvLogNormal. */
class MvLogNormalDist implements Multivariate {
  readonly family = 'MvLogNormal';
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];
  private readonly muV: Float64Array;
  private readonly paramsAD: boolean;

  constructor(
    private readonly mu: readonly Real[],
    private readonly cov: PDMat,
  ) {
    this.shape = [mu.length];
    this.muV = valuesOf(mu);
    this.paramsAD = anyAD(mu) || cov.isAD;
  }

  support(): Support {
    return { kind: 'lower', lower: 0 };
  }

  logpdf(x: readonly Real[]): Real {
    checkLength(this.family, x, this.muV.length);
    const inputs = [...x, ...this.mu, ...this.cov.params];
    if (!this.paramsAD && !anyAD(x)) return this.density(valuesOf(inputs));
    const p = new Float64Array(inputs.length);
    return node(this.density(valuesOf(inputs), p), inputs, p, this.rule);
  }

  private readonly rule: Recompute = (v, p) => this.density(v, p);

  /**
   * The log density on the inputs [x, μ, Σ's params], and its partials when `p` is given. The support
   * check is part of it, so a replay makes it again.
   */
  private density(v: ArrayLike<number>, p?: Float64Array): number {
    const n = this.muV.length;
    const k = 2 * n + this.cov.params.length;
    const xv = part(v, 0, n);
    if (xv.some((xi) => !(xi > 0))) {
      p?.fill(0, 0, k);
      return -Infinity;
    }
    const y = xv.map(Math.log);
    const cov = this.cov.at(v, 2 * n);
    const { value, w } = normalLogDensity(y, v, cov, 0, n);
    let logJac = 0;
    for (const yi of y) logJac += yi;
    if (p !== undefined) {
      // ∂/∂xᵢ = (∂/∂yᵢ − 1) / xᵢ with ∂/∂yᵢ = −wᵢ
      for (let i = 0; i < n; i++) p[i] = (-w[i]! - 1) / xv[i]!;
      writeNormalParamPartials(p, n, w, cov);
    }
    return value - logJac;
  }

  rand(rng: Rng): Float64Array {
    return normalDraw(rng, this.muV, this.cov).map(Math.exp);
  }

  /** exp(μᵢ + Σᵢᵢ / 2) */
  mean(): Real[] {
    return this.mu.map((m, i) => ops.exp(ops.add(m, ops.mul(0.5, this.cov.entry(i, i)))));
  }
}

/** Julia's `MvLogNormal(μ, Σ)`, and `MvLogNormal(Σ)` with μ = 0. */
export function MvLogNormal(cov: CovarianceSpec): Multivariate;
export function MvLogNormal(mu: readonly Real[], cov: CovarianceSpec): Multivariate;
export function MvLogNormal(a: readonly Real[] | CovarianceSpec, b?: CovarianceSpec): Multivariate {
  const { loc, mat } = Array.isArray(a) ? resolveLocation('MvLogNormal', 'μ', a, 'Σ', b!) : resolveLocation('MvLogNormal', 'μ', undefined, 'Σ', a as CovarianceSpec);
  return new MvLogNormalDist(loc, mat);
}

/** Distributions' `MvLogNormal(d::MvNormal)`: exp of d's vector (the GPLVM tutorial's `MvLogNormal(MvNormal(Zeros(K), I))`); undefined unless d is an MvNormal. */
export function mvLogNormalOf(d: unknown): Multivariate | undefined {
  const normal = normalParameters(d);
  return normal === undefined ? undefined : new MvLogNormalDist(normal.mu, normal.cov);
}
