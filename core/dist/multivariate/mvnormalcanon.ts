import { anyAD, node, valuesOf, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { LOG_SQRT_2PI } from '../../math/index.js';
import type { Rng } from '../../rng/index.js';
import type { Multivariate } from '../types.js';
import type { CovarianceSpec } from './covariance.js';
import { resolveLocation } from './location.js';
import type { PDMat } from './pdmat.js';
import { checkLength, part } from './values.js';

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
    checkLength(this.family, x, this.muV.length);
    const inputs = [...x, ...this.h, ...this.precision.params];
    if (!this.paramsAD && !anyAD(x)) return this.density(valuesOf(inputs));
    const p = new Float64Array(inputs.length);
    return node(this.density(valuesOf(inputs), p), inputs, p, this.rule);
  }

  private readonly rule: Recompute = (v, p) => this.density(v, p);

  /** The log density on the inputs [x, h, J's params], and its partials when `p` is given. */
  private density(v: ArrayLike<number>, p?: Float64Array): number {
    const n = this.muV.length;
    const precision = this.precision.at(v, 2 * n);
    const xv = part(v, 0, n);
    const muV = precision.solve(part(v, n, 2 * n));
    const r = xv.map((xi, i) => xi - muV[i]!);
    const jr = precision.mul(r);
    let q = 0;
    for (let i = 0; i < n; i++) q += r[i]! * jr[i]!;
    const value = -n * LOG_SQRT_2PI + 0.5 * precision.logdet - 0.5 * q;
    if (p === undefined) return value;
    for (let i = 0; i < n; i++) {
      p[i] = -jr[i]!;
      // ∂/∂h = J⁻¹ · J(x − μ) = x − μ
      p[n + i] = r[i]!;
    }
    // Expanding in h and J: ½ log|J| − ½ xᵀJx + xᵀh − ½ hᵀJ⁻¹h, so ∂/∂J = ½(J⁻¹ − x xᵀ + μ μᵀ).
    precision.gradient(p, 2 * n, { inverse: 0.5, outer: [[-0.5, xv], [0.5, muV]] });
    return value;
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
    const inputs = [...this.h, ...this.precision.params];
    const values = valuesOf(inputs);
    return Array.from(this.muV, (_, i) => {
      const rule = this.meanRule(i);
      const p = new Float64Array(inputs.length);
      return node(rule(values, p), inputs, p, rule);
    });
  }

  /** μᵢ on the inputs [h, J's params]. */
  private meanRule(i: number): Recompute {
    return (v, p) => {
      const n = this.muV.length;
      const precision = this.precision.at(v, n);
      const muV = precision.solve(part(v, 0, n));
      const e = new Float64Array(n);
      e[i] = 1;
      const col = precision.solve(e);
      p.set(col);
      precision.gradient(p, n, { outer: [[-1, col, muV]] });
      return muV[i]!;
    };
  }
}

/** Julia's `MvNormalCanon(h, J)` (potential h, precision J), and `MvNormalCanon(J)` with h = 0. */
export function MvNormalCanon(precision: CovarianceSpec): Multivariate;
export function MvNormalCanon(h: readonly Real[], precision: CovarianceSpec): Multivariate;
export function MvNormalCanon(a: readonly Real[] | CovarianceSpec, b?: CovarianceSpec): Multivariate {
  const { loc, mat } = Array.isArray(a) ? resolveLocation('MvNormalCanon', 'h', a, 'J', b!) : resolveLocation('MvNormalCanon', 'h', undefined, 'J', a as CovarianceSpec);
  return new MvNormalCanonDist(loc, mat);
}
