import { anyAD, nodeByRule, valuesOf, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { LOG_SQRT_2PI } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import type { Multivariate } from '../types.js';
import type { CovarianceSpec } from './covariance.js';
import { resolveLocation } from './location.js';
import type { PDMat } from './pdmat.js';
import { checkLength } from './values.js';

/** log N(y; μ, Σ) with w = Σ⁻¹(y − μ), from which every partial follows; y and μ from `y[yAt]`, `mu[muAt]` on. */
export function normalLogDensity(y: ArrayLike<number>, mu: ArrayLike<number>, cov: PDMat, yAt = 0, muAt = 0): { value: number; w: Float64Array } {
  const n = cov.dim;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = y[yAt + i]! - mu[muAt + i]!;
  const w = cov.solve(r);
  let q = 0;
  for (let i = 0; i < n; i++) q += r[i]! * w[i]!;
  return { value: -n * LOG_SQRT_2PI - 0.5 * cov.logdet - 0.5 * q, w };
}

/**
 * `normalLogDensity` and the rule's partials for Σ = s I on inputs [y, μ, s] in `v`, in one loop with no
 * arrays: the regression likelihood `y ~ MvNormal(X * β, σ^2 * I)`, whose general path solved, allocated
 * and summed outer products for what is a sum of squares.
 */
function isotropicNormal(v: ArrayLike<number>, n: number, s: number, p: Float64Array): number {
  // The general path's arithmetic in its order (w = r · (1/s), ∂/∂s summed from −n/(2s) on), so both agree bit for bit.
  const inverse = 1 / s;
  let q = 0;
  let ds = (-0.5 * n) / s;
  for (let i = 0; i < n; i++) {
    const r = v[i]! - v[n + i]!;
    const w = r * inverse;
    q += r * w;
    ds += 0.5 * w * w;
    p[i] = -w;
    p[n + i] = w;
  }
  p[2 * n] = ds;
  return -n * LOG_SQRT_2PI - 0.5 * (n * Math.log(s)) - 0.5 * q;
}

/**
 * Writes ∂/∂μ = w at out[offset…] and the partials for Σ after it:
 * ∂/∂Σ = −½(Σ⁻¹ − w wᵀ), one partial per entry of the covariance argument (see CovarianceSpec).
 */
export function writeNormalParamPartials(out: Float64Array, offset: number, w: Float64Array, cov: PDMat): void {
  out.set(w, offset);
  cov.gradient(out, offset + w.length, { inverse: -0.5, outer: [[0.5, w]] });
}

/** μ + L z, a N(μ, Σ) draw. */
export function normalDraw(rng: Rng, mu: Float64Array, cov: PDMat): Float64Array {
  const z = new Float64Array(mu.length);
  for (let i = 0; i < z.length; i++) z[i] = rng.normal();
  const x = cov.unwhiten(z);
  for (let i = 0; i < x.length; i++) x[i]! += mu[i]!;
  return x;
}

class MvNormalDist implements Multivariate {
  readonly family = 'MvNormal';
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];
  private readonly muV: Float64Array;
  private readonly paramsAD: boolean;

  constructor(
    readonly mu: readonly Real[],
    readonly cov: PDMat,
  ) {
    this.shape = [mu.length];
    this.muV = valuesOf(mu);
    this.paramsAD = anyAD(mu) || cov.isAD;
  }

  support(): Support {
    return { kind: 'real' };
  }

  logpdf(x: readonly Real[]): Real {
    checkLength(this.family, x, this.muV.length);
    if (!this.paramsAD && !anyAD(x)) return normalLogDensity(valuesOf(x), this.muV, this.cov).value;
    return nodeByRule([...x, ...this.mu, ...this.cov.params], this.rule);
  }

  /** The log density and its partials on the inputs [x, μ, Σ's params]; Σ is factored again only at new values. */
  private readonly rule: Recompute = (v, p) => {
    const n = this.muV.length;
    // Offsets into the rule's inputs, not views of them: a view per call cost more than the 3×3 solve.
    const cov = this.cov.at(v, 2 * n);
    if (cov.isotropicVariance !== undefined) return isotropicNormal(v, n, cov.isotropicVariance, p);
    const { value, w } = normalLogDensity(v, v, cov, 0, n);
    for (let i = 0; i < n; i++) p[i] = -w[i]!;
    writeNormalParamPartials(p, n, w, cov);
    return value;
  };

  rand(rng: Rng): Float64Array {
    return normalDraw(rng, this.muV, this.cov);
  }

  mean(): Real[] {
    return [...this.mu];
  }
}

/** μ and Σ of an MvNormal, for the families built on one (`MvLogNormal(MvNormal(μ, Σ))`); undefined for any other distribution. */
export function normalParameters(d: unknown): { mu: readonly Real[]; cov: PDMat } | undefined {
  return d instanceof MvNormalDist ? { mu: d.mu, cov: d.cov } : undefined;
}

/** Julia's `MvNormal(μ, Σ)`, and `MvNormal(Σ)` with zero mean. */
export function MvNormal(cov: CovarianceSpec): Multivariate;
export function MvNormal(mu: readonly Real[], cov: CovarianceSpec): Multivariate;
export function MvNormal(a: readonly Real[] | CovarianceSpec, b?: CovarianceSpec): Multivariate {
  const { loc, mat } = Array.isArray(a) ? resolveLocation('MvNormal', 'μ', a, 'Σ', b!) : resolveLocation('MvNormal', 'μ', undefined, 'Σ', a as CovarianceSpec);
  return new MvNormalDist(loc, mat);
}
