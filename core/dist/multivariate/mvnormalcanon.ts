import { anyAD, node, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { LOG_SQRT_2PI } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import type { Multivariate } from '../types.js';
import type { CovarianceSpec } from './covariance.js';
import { resolveLocation } from './location.js';
import type { PDMat } from './pdmat.js';
import { checkLength, valuesOf } from './values.js';

/**
 * The normal in canonical form: potential h and precision J, μ = J⁻¹h.
 * log p = −(n/2) log 2π + ½ log|J| − ½ (x − μ)ᵀ J (x − μ).
 */
class MvNormalCanonDist implements Multivariate {
  readonly family = 'MvNormalCanon';
  readonly variate = 'multivariate';
  readonly discrete = false;
  readonly shape: readonly number[];
  private readonly muV: Float64Array;
  private readonly paramsAD: boolean;

  constructor(
    private readonly h: readonly Real[],
    private readonly precision: PDMat,
  ) {
    this.shape = [h.length];
    this.muV = precision.solve(valuesOf(h));
    this.paramsAD = anyAD(h) || precision.isAD;
  }

  support(): Support {
    return { kind: 'real' };
  }

  logpdf(x: readonly Real[]): Real {
    const n = this.muV.length;
    checkLength(this.family, x, n);
    const xv = valuesOf(x);
    const r = xv.map((xi, i) => xi - this.muV[i]!);
    const jr = this.precision.mul(r);
    let q = 0;
    for (let i = 0; i < n; i++) q += r[i]! * jr[i]!;
    const value = -n * LOG_SQRT_2PI + 0.5 * this.precision.logdet - 0.5 * q;
    if (!this.paramsAD && !anyAD(x)) return value;
    const inputs = [...x, ...this.h, ...this.precision.params];
    const partials = new Float64Array(inputs.length);
    for (let i = 0; i < n; i++) {
      partials[i] = -jr[i]!;
      // ∂/∂h = J⁻¹ · J(x − μ) = x − μ
      partials[n + i] = r[i]!;
    }
    // Expanding in h and J: ½ log|J| − ½ xᵀJx + xᵀh − ½ hᵀJ⁻¹h, so ∂/∂J = ½(J⁻¹ − x xᵀ + μ μᵀ).
    this.precision.gradient(partials, 2 * n, { inverse: 0.5, outer: [[-0.5, xv], [0.5, this.muV]] });
    return node(value, inputs, partials);
  }

  /** μ + L⁻ᵀ z has covariance L⁻ᵀL⁻¹ = J⁻¹. */
  rand(rng: Rng): Float64Array {
    const z = new Float64Array(this.muV.length);
    for (let i = 0; i < z.length; i++) z[i] = rng.normal();
    return this.precision.invUnwhiten(z).map((v, i) => v + this.muV[i]!);
  }

  /** μ = J⁻¹h, with ∂μ/∂h = J⁻¹ and ∂μᵢ/∂J = −sym((J⁻¹eᵢ) μᵀ). */
  mean(): Real[] {
    if (!this.paramsAD) return Array.from(this.muV);
    const n = this.muV.length;
    const inputs = [...this.h, ...this.precision.params];
    return Array.from(this.muV, (mi, i) => {
      const e = new Float64Array(n);
      e[i] = 1;
      const col = this.precision.solve(e);
      const partials = new Float64Array(inputs.length);
      partials.set(col);
      this.precision.gradient(partials, n, { outer: [[-1, col, this.muV]] });
      return node(mi, inputs, partials);
    });
  }
}

/** Julia's `MvNormalCanon(h, J)` (potential h, precision J), and `MvNormalCanon(J)` with h = 0. */
export function MvNormalCanon(precision: CovarianceSpec): Multivariate;
export function MvNormalCanon(h: readonly Real[], precision: CovarianceSpec): Multivariate;
export function MvNormalCanon(a: readonly Real[] | CovarianceSpec, b?: CovarianceSpec): Multivariate {
  const { loc, mat } = Array.isArray(a) ? resolveLocation('MvNormalCanon', 'h', a, 'J', b!) : resolveLocation('MvNormalCanon', 'h', undefined, 'J', a as CovarianceSpec);
  return new MvNormalCanonDist(loc, mat);
}
