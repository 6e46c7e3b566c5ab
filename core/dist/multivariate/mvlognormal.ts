import { anyAD, node, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import type { Multivariate } from '../types.js';
import type { CovarianceSpec } from './covariance.js';
import { resolveLocation } from './location.js';
import { normalDraw, normalLogDensity, writeNormalParamPartials } from './mvnormal.js';
import type { PDMat } from './pdmat.js';
import { checkLength, valuesOf } from './values.js';

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
    const n = this.muV.length;
    checkLength(this.family, x, n);
    const xv = valuesOf(x);
    if (xv.some((xi) => !(xi > 0))) return -Infinity;
    const y = xv.map(Math.log);
    const { value, w } = normalLogDensity(y, this.muV, this.cov);
    let logJac = 0;
    for (const yi of y) logJac += yi;
    if (!this.paramsAD && !anyAD(x)) return value - logJac;
    const inputs = [...x, ...this.mu, ...this.cov.params];
    const partials = new Float64Array(inputs.length);
    // ∂/∂xᵢ = (∂/∂yᵢ − 1) / xᵢ with ∂/∂yᵢ = −wᵢ
    for (let i = 0; i < n; i++) partials[i] = (-w[i]! - 1) / xv[i]!;
    writeNormalParamPartials(partials, n, w, this.cov);
    return node(value - logJac, inputs, partials);
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
