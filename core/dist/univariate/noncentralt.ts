import { noteValueDependence, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { betaI, LOG_SQRT_2PI, lgamma, normcdf } from '../../math/index.js';
import { randChisq, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite, checkScale } from './check.js';
import { invertCdf, numericPartial } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';
import { TDist } from './tdist.js';

type P = readonly [ν: number, λ: number];

const LOG_SQRT_PI = 0.5 * Math.log(Math.PI);
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/** P(Z ≤ x) or P(Z > x) for Z ~ Normal(μ, σ). */
function normalTail(x: number, μ: number, σ: number, lower: boolean): number {
  const z = (x - μ) / σ;
  return normcdf(lower ? z : -z);
}

/**
 * Rmath's pnt, which Distributions.jl's NoncentralT calls: Lenth's algorithm AS 243, the twin series of
 * Guenther (1978) in the incomplete beta function, to 1e-12; for ν > 4·10⁵ or λ² > 1415, Abramowitz &
 * Stegun's normal approximation 26.7.10.
 */
function pnt(t: number, ν: number, λ: number, lower: boolean): number {
  if (λ === 0) {
    const p = TDist(ν).cdf(t) as number;
    return lower ? p : 1 - p;
  }
  if (!Number.isFinite(t)) return (t < 0) === lower ? 0 : 1;
  const negative = t < 0;
  if (negative && λ > 40) return lower ? 0 : 1;
  const tt = negative ? -t : t;
  const del = negative ? -λ : λ;
  const upperOfFolded = lower === negative;
  if (ν > 4e5 || del * del > 2 * Math.LN2 * 1021) {
    const s = 1 / (4 * ν);
    return normalTail(tt * (1 - s), del, Math.sqrt(1 + tt * tt * 2 * s), !upperOfFolded);
  }
  let x = t * t;
  let rxb = ν / (x + ν);
  x = x / (x + ν);
  let tnc = 0;
  if (x > 0) {
    const lambda = del * del;
    let p = 0.5 * Math.exp(-0.5 * lambda);
    if (p === 0) return lower ? 0 : 1;
    let q = SQRT_2_OVER_PI * p * del;
    let s = 0.5 - p;
    if (s < 1e-7) s = -0.5 * Math.expm1(-0.5 * lambda);
    let a = 0.5;
    const b = 0.5 * ν;
    rxb = Math.pow(rxb, b);
    const albeta = LOG_SQRT_PI + lgamma(b) - lgamma(0.5 + b);
    let xodd = betaI(a, b, x);
    let godd = 2 * rxb * Math.exp(a * Math.log(x) - albeta);
    const bx = b * x;
    let xeven = bx < Number.EPSILON ? bx : 1 - rxb;
    let geven = bx * rxb;
    tnc = p * xodd + q * xeven;
    for (let it = 1; it <= 1000; it++) {
      a += 1;
      xodd -= godd;
      xeven -= geven;
      godd *= (x * (a + b - 1)) / a;
      geven *= (x * (a + b - 0.5)) / (a + 0.5);
      p *= lambda / (2 * it);
      q *= lambda / (2 * it + 1);
      tnc += p * xodd + q * xeven;
      s -= p;
      if (s < -1e-10 || (s <= 0 && it > 1)) break;
      if (Math.abs(2 * s * (xodd - godd)) < 1e-12) break;
    }
  }
  tnc += normcdf(-del);
  const value = Math.min(tnc, 1);
  return upperOfFolded ? 1 - value : value;
}

/**
 * Rmath's dnt on the log scale: ν/|x| times the difference of two pnt values, which is the derivative of the
 * cdf in closed form (near 0 the limit); ν above 10⁸ is Normal(λ, 1), as there.
 */
function logDensity(x: number, ν: number, λ: number): number {
  if (λ === 0) return TDist(ν).logpdf(x) as number;
  if (!Number.isFinite(x)) return -Infinity;
  if (ν > 1e8) return -0.5 * (x - λ) * (x - λ) - LOG_SQRT_2PI;
  if (Math.abs(x) > Math.sqrt(ν * Number.EPSILON)) {
    return Math.log(ν) - Math.log(Math.abs(x)) + Math.log(Math.abs(pnt(x * Math.sqrt((ν + 2) / ν), ν + 2, λ, true) - pnt(x, ν, λ, true)));
  }
  return lgamma((ν + 1) / 2) - lgamma(ν / 2) - (LOG_SQRT_PI + 0.5 * (Math.log(ν) + λ * λ));
}

/**
 * NoncentralT(ν, λ): (Z + λ)/√(V/ν) for Z standard normal and V ~ χ²(ν). Its density, cdf and quantile are
 * Rmath's, as Distributions.jl's are; they have no closed-form derivatives, so the partials are taken
 * numerically (to about 1e-9). ν = Inf is the limit Normal(λ, 1), where Rmath's large-ν branches already go.
 */
class NoncentralTDist extends ScalarUnivariate<P> {
  readonly family = 'NoncentralT';
  readonly discrete = false;

  constructor(
    private readonly ν: Real,
    private readonly λ: Real,
  ) {
    // Distributions.jl checks ν > 0 only: ν = Inf passes.
    super([ν, λ], [checkScale('NoncentralT', 'ν', ν, 'degrees of freedom ν'), checkFinite('NoncentralT', 'λ', λ, 'noncentrality λ')]);
  }

  protected lpdf(x: number, [n, l]: P): number {
    return logDensity(x, n, l);
  }

  protected lpdfGrad(x: number, [n, l]: P): ArrayLike<number> {
    // At ν = Inf the density no longer depends on ν (and a step around Inf has no size).
    const dν = n === Infinity ? 0 : numericPartial((t) => logDensity(x, t, l), n);
    return [numericPartial((t) => logDensity(t, n, l), x), dν, numericPartial((t) => logDensity(x, n, t), l)];
  }

  protected lcdf(x: number, [n, l]: P): number {
    return Math.log(pnt(x, n, l, true));
  }

  protected lccdf(x: number, [n, l]: P): number {
    return Math.log(pnt(x, n, l, false));
  }

  protected cdfGrad(): readonly null[] {
    return [null, null];
  }

  protected quantileOf(p: number): number {
    const [n, l] = this.θ;
    return invertCdf((x) => pnt(x, n, l, true), p, -Infinity, Infinity, l);
  }

  support(): Support {
    return { kind: 'real' };
  }

  /** √(ν/2) λ Γ((ν − 1)/2)/Γ(ν/2) for ν > 1 (λ for ν = Inf), NaN otherwise. */
  mean(): Real {
    noteValueDependence(this.ν, '`mean`');
    if (!(this.θ[0] > 1)) return NaN;
    if (this.θ[0] === Infinity) return this.λ;
    const { ν, λ } = this;
    const ratio = ops.exp(ops.sub(ops.lgammaOp(ops.div(ops.sub(ν, 1), 2)), ops.lgammaOp(ops.div(ν, 2))));
    return ops.mul(ops.mul(ops.sqrt(ops.div(ν, 2)), λ), ratio);
  }

  /** ν(1 + λ²)/(ν − 2) − mean² for ν > 2, NaN otherwise. */
  var(): Real {
    noteValueDependence(this.ν, '`var`');
    if (!(this.θ[0] > 2)) return NaN;
    const { ν, λ } = this;
    return ops.sub(ops.div(ops.mul(ν, ops.add(1, ops.abs2(λ))), ops.sub(ν, 2)), ops.abs2(this.mean()));
  }

  minimum(): Real {
    return -Infinity;
  }

  maximum(): Real {
    return Infinity;
  }

  rand(rng: Rng): number {
    const [n, l] = this.θ;
    if (n === Infinity) return rng.normal() + l;
    return (rng.normal() + l) / Math.sqrt(randChisq(rng, n) / n);
  }
}

export function NoncentralT(ν: Real, λ: Real): UnivariateDistribution {
  return new NoncentralTDist(ν, λ);
}
