import { node, ops, type Real } from '../../ad/index.js';
import type { Support } from '../../bijectors/index.js';
import { besselI0e, besselI1e, besselIRatios } from '../../math/index.js';
import { randVonMises, type Rng } from '../../rng/index.js';
import { UnivariateDistribution } from './base.js';
import { checkFinite, checkPositive } from './check.js';
import { invertCdf, logProb } from './numeric.js';
import { ScalarUnivariate } from './scalar.js';

type P = readonly [μ: number, κ: number];

const LOG_2PI = Math.log(2 * Math.PI);

/**
 * P(X ≤ μ + t), t ∈ [−π, π], by Distributions.jl's series (t + π)/2π + (1/π) Σⱼ (Iⱼ(κ)/I₀(κ)) sin(jt)/j,
 * summed until the Bessel ratio falls below 10⁻¹⁶. Accurate to ~10⁻¹⁶ absolute; for large κ the far
 * tails (mass below that) are not resolved relatively.
 */
function vonMisesCdf(kappa: number, t: number): number {
  if (t <= -Math.PI) return 0;
  if (t >= Math.PI) return 1;
  const ratios = besselIRatios(kappa, 1e-16);
  let s = 0;
  for (let j = ratios.length; j >= 1; j--) s += (ratios[j - 1]! * Math.sin(j * t)) / j;
  return Math.min(1, Math.max(0, (t + Math.PI) / (2 * Math.PI) + s / Math.PI));
}

/** 1 − A(κ), A = I₁/I₀, with A'(κ) = 1 − A/κ − A², as a replayable rule. */
function circularVariance(v: ArrayLike<number>, p: Float64Array): number {
  const k = v[0]!;
  const a = besselI1e(k) / besselI0e(k);
  p[0] = -(1 - a / k - a * a);
  return 1 - a;
}

/** von Mises(μ, κ) on [μ − π, μ + π], Distributions.jl's support; −Inf outside it. */
class VonMisesDist extends ScalarUnivariate<P> {
  readonly family = 'VonMises';
  readonly discrete = false;

  constructor(
    private readonly μ: Real,
    private readonly κ: Real,
  ) {
    super([μ, κ], [checkFinite('VonMises', 'μ', μ), checkPositive('VonMises', 'κ', κ, 'concentration κ')]);
  }

  /** κ(cos(x − μ) − 1) − log(I₀(κ)e^−κ) − log 2π: the scaled Bessel keeps large κ finite. */
  protected lpdf(x: number, [m, k]: P): number {
    const t = x - m;
    if (!(Math.abs(t) <= Math.PI)) return -Infinity;
    return k * (Math.cos(t) - 1) - Math.log(besselI0e(k)) - LOG_2PI;
  }

  protected lpdfGrad(x: number, [m, k]: P): ArrayLike<number> {
    const s = k * Math.sin(x - m);
    return [-s, s, Math.cos(x - m) - besselI1e(k) / besselI0e(k)];
  }

  protected lcdf(x: number, [m, k]: P): number {
    return logProb(vonMisesCdf(k, x - m), vonMisesCdf(k, m - x));
  }

  /** By symmetry about μ, 1 − F(μ + t) = F(μ − t). */
  protected lccdf(x: number, [m, k]: P): number {
    return logProb(vonMisesCdf(k, m - x), vonMisesCdf(k, x - m));
  }

  protected cdfGrad(): readonly (number | null)[] {
    return [-1, null];
  }

  protected quantileOf(p: number): number {
    const [m, k] = this.θ;
    return invertCdf((x) => vonMisesCdf(k, x - m), p, m - Math.PI, m + Math.PI, m);
  }

  support(): Support {
    return { kind: 'interval', lower: this.minimum(), upper: this.maximum() };
  }

  mean(): Real {
    return this.μ;
  }

  /** The circular variance, as Distributions.jl. */
  var(): Real {
    const p = new Float64Array(1);
    return node(circularVariance([this.θ[1]], p), [this.κ], p, circularVariance);
  }

  minimum(): Real {
    return ops.sub(this.μ, Math.PI);
  }

  maximum(): Real {
    return ops.add(this.μ, Math.PI);
  }

  rand(rng: Rng): number {
    return randVonMises(rng, this.θ[0], this.θ[1]);
  }
}

export function VonMises(μ: Real = 0, κ: Real = 1): UnivariateDistribution {
  return new VonMisesDist(μ, κ);
}
