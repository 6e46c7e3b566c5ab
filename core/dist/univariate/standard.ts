import { ops, type Real, type Recompute } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import type { Rng } from '../../rng/index.js';
import { columnStarts, ScalarUnivariate } from './scalar.js';

/** A standardised density (location 0, scale 1) on plain numbers: all a location–scale family needs. */
export interface StandardForm {
  logpdf(z: number): number;
  /** d logpdf / dz */
  dlogpdf(z: number): number;
  logcdf(z: number): number;
  logccdf(z: number): number;
  quantile(p: number): number;
  /** z with ccdf(z) = q, accurate for small q. */
  cquantile(q: number): number;
  readonly mean: number;
  readonly var: number;
  /** The standard form's entropy, skewness and excess kurtosis (its mode is 0 for every family here). */
  readonly entropy: number;
  readonly skewness: number;
  readonly kurtosis: number;
  rand(rng: Rng): number;
}

type LocScale = readonly [number, number];

/**
 * μ + σz, and μ + z for an infinite z at σ = 0, so that the point mass's extreme quantiles are ±Inf, as
 * StatsFuns's `xval` has them (0 · Inf would be NaN).
 */
function xval(m: number, s: number, z: number): number {
  return s === 0 && !Number.isFinite(z) ? m + z : m + s * z;
}

/**
 * X = μ + σ Z for a standard Z: Normal, Cauchy, Logistic, Laplace and Gumbel are this class with their
 * own `StandardForm`. With z = (x − μ)/σ and d = (log f₀)'(z): ∂/∂x = d/σ, ∂/∂μ = −d/σ,
 * ∂/∂σ = −(d z + 1)/σ; for the cdf, g_μ = −1 and g_σ = −z.
 *
 * σ = 0 (which only Normal admits, as Distributions.jl does) is the point mass at μ, every function its limit
 * as σ → 0 as StatsFuns takes it: log density +Inf at μ and −Inf elsewhere, cdf 1 from μ on.
 */
export class LocationScaleFamily extends ScalarUnivariate<LocScale> {
  readonly discrete = false;

  /** The family's constructor has checked the parameters; `θ` holds their plain values. */
  constructor(
    readonly family: string,
    readonly location: Real,
    readonly scale: Real,
    θ: LocScale,
    private readonly standard: StandardForm,
  ) {
    super([location, scale], θ);
  }

  protected lpdf(x: number, [m, s]: LocScale): number {
    if (s === 0) return x === m ? Infinity : -Infinity;
    return this.standard.logpdf((x - m) / s) - Math.log(s);
  }

  protected lpdfGrad(x: number, θ: LocScale): ArrayLike<number> {
    const p = new Float64Array(3);
    this.lpdfWithGrad(x, θ, p, 0);
    return p;
  }

  protected override lpdfWithGrad(x: number, [m, s]: LocScale, p: Float64Array, at: number): number {
    if (s === 0) return this.pointMass(x === m, p, at, at + 3);
    const z = (x - m) / s;
    const v = this.standard.logpdf(z) - Math.log(s);
    if (v === -Infinity) return v;
    const d = this.standard.dlogpdf(z);
    p[at] = d / s;
    p[at + 1] = -d / s;
    p[at + 2] = -(d * z + 1) / s;
    return v;
  }

  protected override sharedSumAt(vals: ArrayLike<number>, n: number, [m, s]: LocScale, p: Float64Array): number {
    if (s === 0) {
      let allAtMean = true;
      for (let i = 0; i < n; i++) allAtMean &&= vals[i] === m;
      return this.pointMass(allAtMean, p, 0, n + 2);
    }
    const standard = this.standard;
    let total = 0;
    let sumD = 0;
    let sumDZ = 0;
    for (let i = 0; i < n; i++) {
      const z = (vals[i]! - m) / s;
      const v = standard.logpdf(z);
      if (v === -Infinity) return -Infinity;
      total += v;
      const d = standard.dlogpdf(z);
      p[i] = d / s;
      sumD += d;
      sumDZ += d * z;
    }
    p[n] = -sumD / s;
    p[n + 1] = -(sumDZ + n) / s;
    return total - n * Math.log(s);
  }

  /**
   * `lpdfWithGrad` over parts of one standard form (`arraydist(Normal.(μ, σ))`, `y .~ Normal.(μ, σ)` with σ
   * shared or not) in one loop.
   */
  protected override columnRule(parts: readonly this[], [sm, ss]: readonly number[]): Recompute | undefined {
    const standard = this.standard;
    for (const d of parts) if (d.standard !== standard) return undefined;
    const n = parts.length;
    const [atM, atS, width] = columnStarts(n, [sm!, ss!]) as [number, number, number];
    return (vals, p) => {
      p.fill(0, 0, width);
      // A shared σ's log once, the same number each part would take.
      const logShared = ss === 0 ? Math.log(vals[atS]!) : NaN;
      let total = 0;
      for (let i = 0; i < n; i++) {
        const x = vals[i]!;
        const jm = atM + i * sm!;
        const js = atS + i * ss!;
        const m = vals[jm]!;
        const s = vals[js]!;
        // σ = 0 is the point mass at μ (`pointMass`): no partials, +∞ at μ.
        const z = (x - m) / s;
        const v = s === 0 ? (x === m ? Infinity : -Infinity) : standard.logpdf(z) - (ss === 0 ? logShared : Math.log(s));
        if (v === -Infinity) {
          p.fill(0, 0, width);
          return -Infinity;
        }
        total += v;
        if (s === 0) continue;
        const d = standard.dlogpdf(z);
        p[i] = d / s;
        p[jm]! += -d / s;
        p[js]! += -(d * z + 1) / s;
      }
      return total;
    };
  }

  protected lcdf(x: number, [m, s]: LocScale): number {
    if (s === 0) return x >= m ? 0 : -Infinity;
    return this.standard.logcdf((x - m) / s);
  }

  protected lccdf(x: number, [m, s]: LocScale): number {
    if (s === 0) return x >= m ? -Infinity : 0;
    return this.standard.logccdf((x - m) / s);
  }

  /**
   * The point mass's log density, +Inf where every value is at μ and −Inf otherwise, with no partials: a
   * sampler takes either as a point outside the usable region.
   */
  private pointMass(atMean: boolean, p: Float64Array, from: number, to: number): number {
    p.fill(0, from, to);
    return atMean ? Infinity : -Infinity;
  }

  protected cdfGrad(x: number, [m, s]: LocScale): readonly number[] {
    return [-1, -(x - m) / s];
  }

  protected quantileOf(p: number): number {
    return xval(this.θ[0], this.θ[1], this.standard.quantile(p));
  }

  protected override cquantileOf(q: number): number {
    return xval(this.θ[0], this.θ[1], this.standard.cquantile(q));
  }

  support(): Support {
    return { kind: 'real' };
  }

  mean(): Real {
    const m0 = this.standard.mean;
    return m0 === 0 ? this.location : ops.add(this.location, ops.mul(this.scale, m0));
  }

  var(): Real {
    return ops.mul(ops.abs2(this.scale), this.standard.var);
  }

  override mode(): Real {
    return this.location;
  }

  /** Shifting leaves the entropy; scaling by σ adds log σ. */
  override entropy(): Real {
    return ops.add(this.standard.entropy, ops.log(this.scale));
  }

  override skewness(): Real {
    return this.standard.skewness;
  }

  override kurtosis(): Real {
    return this.standard.kurtosis;
  }

  minimum(): Real {
    return -Infinity;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    return this.θ[0] + this.θ[1] * this.standard.rand(rng);
  }
}
